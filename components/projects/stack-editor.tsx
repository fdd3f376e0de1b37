'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState, useTransition, type FormEvent } from 'react'
import { addTechnologyAction, removeTechnologyAction, setStackNoteAction } from '@/lib/actions/projects'
import { createTechnologyAction } from '@/lib/actions/technologies'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { TextField } from '@/components/ui/field'
import { SearchPicker } from '@/components/ui/search-picker'
import { useToast } from '@/components/ui/toast'
import type { ActionState } from '@/lib/action-state'
import type { StackEntryView } from '@/lib/dto'
import { technologyKeys } from '@/lib/technologies/query-options'
import { useTechnologyOptions } from '@/components/technologies/use-technology-options'
import { FormDisclosure } from './form-disclosure'

type Chip = { technologyId: string; technologyName: string; note?: string }

function throwIfError(result: ActionState) {
  if (result.status === 'error') throw new Error(result.message)
  return result
}

export function StackEditor({ clientId, projectId, stack }: { clientId: string; projectId: string; stack: StackEntryView[] }) {
  const router = useRouter()
  const toast = useToast()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')

  // Optimistic through the UI: the pending chip is drawn from the mutation's variables until the
  // refreshed page brings the real one.
  const add = useMutation({
    mutationFn: async (chip: Chip) => throwIfError(await addTechnologyAction({ clientId, projectId, technologyId: chip.technologyId })),
    onSuccess: (result) => result.status === 'success' && toast(result.message),
    onError: (error) => toast(error.message, 'error'),
    onSettled: () => router.refresh(),
  })
  const remove = useMutation({
    mutationFn: async (chip: Chip) => throwIfError(await removeTechnologyAction({ clientId, projectId, technologyId: chip.technologyId })),
    onSuccess: (result) => result.status === 'success' && toast(result.message),
    onError: (error) => toast(error.message, 'error'),
    onSettled: () => router.refresh(),
  })
  const create = useMutation({
    mutationFn: async (name: string) => {
      const { technology, error } = await createTechnologyAction({ name, category: 'other' })
      if (!technology) throw new Error(error?.status === 'error' ? Object.values(error.fieldErrors).flat()[0] ?? error.message : 'Could not create it')
      return technology
    },
    onSuccess: (technology) => {
      void queryClient.invalidateQueries({ queryKey: technologyKeys.all })
      add.mutate({ technologyId: technology.id, technologyName: technology.name })
    },
    onError: (error) => toast(error.message, 'error'),
  })

  const chips: (Chip & { pending?: boolean })[] = stack.filter((entry) => !(remove.isPending && remove.variables?.technologyId === entry.technologyId))
  if (add.isPending && add.variables && !chips.some((chip) => chip.technologyId === add.variables.technologyId)) chips.push({ ...add.variables, pending: true })
  const onStack = new Set(chips.map((chip) => chip.technologyId))
  const technologies = useTechnologyOptions(search, onStack)

  return (
    <div className="space-y-3">
      {chips.length === 0 ? (
        <p className="text-sm text-slate-600">No technologies on this project yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Tech stack">
          {chips.map((chip) => (
            <li key={chip.technologyId} className={`inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800 ${chip.pending ? 'opacity-60' : ''}`} aria-busy={chip.pending || undefined}>
              <Link href={`/technologies/${chip.technologyId}`} className="hover:underline">{chip.technologyName}</Link>
              {chip.note ? <span className="text-indigo-600">{chip.note}</span> : null}
              {chip.pending ? null : <NoteEditor clientId={clientId} projectId={projectId} chip={chip} />}
              <button
                type="button"
                onClick={() => remove.mutate(chip)}
                disabled={chip.pending}
                aria-label={`Remove ${chip.technologyName}`}
                className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormDisclosure label="Add to stack">
        <div className="max-w-md">
          <SearchPicker
            placeholder="Type a technology"
            label="Add a technology"
            text={search}
            onTextChange={setSearch}
            options={technologies.options}
            loading={technologies.loading}
            onPick={(option) => {
              setSearch('')
              add.mutate({ technologyId: option.id, technologyName: option.label })
            }}
            footer={
              search.trim() && !technologies.exactMatch && !technologies.loading ? (
                <Button
                  type="button"
                  variant="secondary"
                  className="w-full"
                  disabled={create.isPending}
                  onClick={() => {
                    create.mutate(search.trim())
                    setSearch('')
                  }}
                >
                  Create “{search.trim()}”
                </Button>
              ) : null
            }
          />
        </div>
      </FormDisclosure>
    </div>
  )
}

/** The note on a stack entry (the version in use, say), edited in a small dialog. */
function NoteEditor({ clientId, projectId, chip }: { clientId: string; projectId: string; chip: Chip }) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string[] | undefined>()
  const [saving, startSaving] = useTransition()
  const router = useRouter()
  const toast = useToast()
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const note = String(new FormData(event.currentTarget).get('note') ?? '')
    startSaving(async () => {
      const result = await setStackNoteAction({ clientId, projectId, technologyId: chip.technologyId, note })
      if (result.status === 'error') {
        setError(result.fieldErrors.note ?? [result.message])
        return
      }
      setOpen(false)
      if (result.status === 'success') toast(result.message)
      router.refresh()
    })
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={`Edit the note on ${chip.technologyName}`} className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100">
        ✎
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Note on ${chip.technologyName}`}>
        {open ? (
          <form onSubmit={save} className="space-y-3" noValidate>
            <TextField id={`note-${chip.technologyId}`} name="note" label="Version or note" defaultValue={chip.note ?? ''} maxLength={200} placeholder="e.g. v5, 17 LTS" errors={error} />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={saving}>{saving ? 'Saving…' : 'Save note'}</Button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </>
  )
}
