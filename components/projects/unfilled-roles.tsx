'use client'

import Link from 'next/link'
import { useQuery } from '@tanstack/react-query'
import { useRouter } from 'next/navigation'
import { useRef, useState, useTransition } from 'react'
import { changeUnfilledRoleAction, createUnfilledRoleAction, deleteUnfilledRoleAction } from '@/lib/actions/roles'
import { Dialog } from '@/components/ui/dialog'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { FormError, SelectField, TextField } from '@/components/ui/field'
import { linkClass } from '@/components/ui/page-header'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { TableHead } from '@/components/ui/table'
import { useToast } from '@/components/ui/toast'
import { useActionForm } from '@/components/ui/use-action-form'
import { useIdempotencyKey } from '@/components/ui/use-idempotency-key'
import { practiceNames } from '@/lib/employees/practices'
import { formatDateRange } from '@/lib/format'
import type { UnfilledRoleView } from '@/lib/dto'
import { requirementsText } from '@/lib/roles/format'
import { MAX_REQUIREMENTS } from '@/lib/roles/schemas'
import { assignmentStatusOptions } from '@/lib/staffing/schemas'
import { technologySearchOptions } from '@/lib/technologies/query-options'
import { DateInput } from '@/components/ui/date-input'

type RoleRow = Pick<UnfilledRoleView, 'id' | 'role' | 'practice' | 'requirements' | 'allocation' | 'startDate' | 'endDate' | 'status' | 'fillingWith'> & { version?: number }

/** A project's unfilled roles; managers get "Find people" and "Delete". */
export function UnfilledRolesTable({ roles, clientId, projectId, projectName, editable }: { roles: RoleRow[]; clientId: string; projectId: string; projectName: string; editable: boolean }) {
  if (roles.length === 0) return <p className="text-sm text-slate-600">No unfilled roles.</p>
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Unfilled roles of ${projectName}`}>
      {/* On a phone each role stacks into a small card, as the staffing lists do (components/staffing/staffing-layout.ts). */}
      <table className="w-full text-left text-sm max-sm:block max-sm:[&>tbody]:block max-sm:[&>thead]:sr-only">
        <caption className="sr-only">Unfilled roles of {projectName}</caption>
        <TableHead
          columns={[
            { label: 'Role' },
            { label: 'Practice' },
            { label: 'Needs' },
            { label: 'Allocation', align: 'right' },
            { label: 'Dates' },
            { label: 'Status' },
            ...(editable ? [{ label: 'Actions', srOnly: true }] : []),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {roles.map((role) => (
            <UnfilledRoleRow key={role.id} role={role} clientId={clientId} projectId={projectId} editable={editable} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function UnfilledRoleRow({ role, clientId, projectId, editable }: { role: RoleRow; clientId: string; projectId: string; editable: boolean }) {
  const router = useRouter()
  const toast = useToast()
  const [deleting, startDeleting] = useTransition()
  const [editing, setEditing] = useState(false)
  return (
    <tr className="max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-3 max-sm:gap-y-0.5 max-sm:py-2.5">
      <td className="py-1.5 pr-4 max-sm:col-start-1 max-sm:row-start-1 max-sm:p-0">
        <span className="font-medium">{role.role}</span> <Badge tone="red">Unfilled</Badge>
      </td>
      <td className="py-1.5 pr-4 max-sm:col-start-1 max-sm:row-start-2 max-sm:p-0">{role.practice}</td>
      <td className="py-1.5 pr-4 max-sm:col-span-2 max-sm:row-start-3 max-sm:p-0 max-sm:text-slate-700">{requirementsText(role.requirements)}</td>
      <td className="py-1.5 pr-4 text-right tabular-nums max-sm:col-start-2 max-sm:row-start-2 max-sm:p-0">{role.allocation}%</td>
      <td className="py-1.5 pr-4 whitespace-nowrap max-sm:col-span-2 max-sm:row-start-4 max-sm:p-0 max-sm:whitespace-normal">{formatDateRange(role.startDate, role.endDate)}</td>
      <td className="py-1.5 pr-4 max-sm:col-start-2 max-sm:row-start-1 max-sm:p-0 max-sm:text-right">
        {role.fillingWith ? <Badge tone="blue">Being assigned to {role.fillingWith}</Badge> : role.status === 'tentative' ? <Badge tone="amber">Tentative</Badge> : <Badge tone="green">Confirmed</Badge>}
      </td>
      {editable ? (
        <td className="py-1.5 whitespace-nowrap text-right max-sm:col-span-2 max-sm:row-start-5 max-sm:p-0 max-sm:text-left">
          <Link href={`/clients/${clientId}/projects/${projectId}/roles/${role.id}`} className={`${linkClass} mr-2`} aria-label={`Find people for ${role.role}`}>
            Find people
          </Link>
          {role.version && !role.fillingWith ? (
            <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Change unfilled role ${role.role}`}>Change</Button>
          ) : null}
          <Button
            variant="ghost"
            disabled={deleting}
            aria-label={`Delete unfilled role ${role.role}`}
            onClick={() =>
              startDeleting(async () => {
                const result = await deleteUnfilledRoleAction({ clientId, projectId, roleId: role.id })
                toast(result.status === 'idle' ? '' : result.message, result.status === 'error' ? 'error' : 'success')
                router.refresh()
              })
            }
          >
            {deleting ? 'Deleting…' : 'Delete'}
          </Button>
          <Dialog open={editing} onClose={() => setEditing(false)} title={`Change unfilled role ${role.role}`}>
            {editing ? <UnfilledRoleForm clientId={clientId} projectId={projectId} defaultStart={role.startDate} existing={role} onDone={() => setEditing(false)} /> : null}
          </Dialog>
        </td>
      ) : null}
    </tr>
  )
}

type Requirement = { technologyId: string; technologyName: string; minLevel: number }

const levelOptions = [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} or more` }))

/** The firm's practices; a role planned before practices were a list keeps its own, marked, until changed. */
function practiceOptions(current?: string) {
  const options = [{ value: '', label: 'Choose a practice' }, ...practiceNames.map((name) => ({ value: name, label: name }))]
  return current && !(practiceNames as readonly string[]).includes(current) ? [...options, { value: current, label: `${current} (not one of the firm's practices)` }] : options
}

/**
 * Plans an unfilled role (title, practice, required technologies with minimum levels, allocation,
 * dates, status), or changes `existing`, against the version it was loaded at.
 */
export function UnfilledRoleForm({ clientId, projectId, defaultStart, existing, onDone }: { clientId: string; projectId: string; defaultStart: string; existing?: RoleRow; onDone?: () => void }) {
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const [requirements, setRequirements] = useState<Requirement[]>(existing?.requirements ?? [])
  const pick = usePick()
  const technology = pick.picked
  const [level, setLevel] = useState('3')
  const [pickerError, setPickerError] = useState<string | undefined>()
  const results = useQuery({ ...technologySearchOptions(pick.search), enabled: pick.searching })
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey()
  const { formAction, pending, errors, values, formError, current } = useActionForm(existing ? changeUnfilledRoleAction : createUnfilledRoleAction, () => {
    setRequirements(existing ? requirements : [])
    pick.clear()
    renewIdempotencyKey()
    if (!existing) formRef.current?.reset()
    router.refresh()
    onDone?.()
  })
  const prefix = existing ? `role-${existing.id}` : 'role'
  // After a refusal the form shows what was typed, not what was loaded.
  const value = (name: string, loaded: string | number | undefined) => values?.[name] ?? (loaded === undefined ? undefined : String(loaded))

  function addRequirement() {
    if (!technology) return setPickerError('Choose a technology first')
    if (requirements.some((r) => r.technologyId === technology.id)) return setPickerError(`${technology.name} is listed already`)
    if (requirements.length >= MAX_REQUIREMENTS) return setPickerError(`At most ${MAX_REQUIREMENTS} required technologies`)
    setRequirements([...requirements, { technologyId: technology.id, technologyName: technology.name, minLevel: Number(level) }])
    pick.clear()
    setPickerError(undefined)
  }

  return (
    <form ref={formRef} action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate aria-label={existing ? `Change unfilled role ${existing.role}` : 'Plan an unfilled role'}>
      <div className="sm:col-span-2">{formError ? <FormError errors={[formError]} /> : null}</div>
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="projectId" value={projectId} />
      {existing ? (
        <>
          <input type="hidden" name="roleId" value={existing.id} />
          {/* After a stale save, saving again overwrites the version now stored (the message says so). */}
          <input type="hidden" name="version" value={String(current?.version ?? existing.version)} />
        </>
      ) : (
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      )}
      <input type="hidden" name="requirements" value={JSON.stringify(requirements.map(({ technologyId, minLevel }) => ({ technologyId, minLevel })))} />
      <TextField id={`${prefix}-title`} name="role" label="Role" defaultValue={value('role', existing?.role)} errors={errors.role} required />
      <SelectField id={`${prefix}-practice`} name="practice" label="Practice" defaultValue={value('practice', existing?.practice) ?? ''} errors={errors.practice} options={practiceOptions(existing?.practice)} required />
      <fieldset className="rounded-md border border-slate-200 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-800">Required technologies</legend>
        {requirements.length ? (
          <ul className="mb-3 flex flex-wrap gap-2" aria-label="Required technologies">
            {requirements.map((requirement) => (
              <li key={requirement.technologyId} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-sm text-indigo-900">
                {requirement.technologyName} {requirement.minLevel}+
                <button
                  type="button"
                  className="rounded-full px-1 text-indigo-900 hover:bg-indigo-100"
                  aria-label={`Remove ${requirement.technologyName}`}
                  onClick={() => setRequirements(requirements.filter((r) => r.technologyId !== requirement.technologyId))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-3 text-sm text-slate-600">None yet: suggestions then come from the practice.</p>
        )}
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
          <SearchPicker
            label="Technology"
            placeholder="Type a technology"
            {...pick.pickerProps}
            options={(results.data?.items ?? []).map((item) => ({ id: item.id, label: item.name }))}
            loading={results.isFetching}
            onPick={(option) => {
              pick.pickerProps.onPick(option)
              setPickerError(undefined)
            }}
            errors={pickerError ? [pickerError] : errors.requirements}
          />
          <SelectField id={`${prefix}-min-level`} name="minLevelChoice" label="Minimum level" value={level} onChange={(e) => setLevel(e.target.value)} options={levelOptions} />
          <Button type="button" variant="secondary" className="sm:mt-6" onClick={addRequirement}>Add requirement</Button>
        </div>
      </fieldset>
      <TextField id={`${prefix}-allocation`} name="allocation" label="Allocation (%)" type="number" min={1} max={100} defaultValue={value('allocation', existing?.allocation ?? 100)} errors={errors.allocation} required />
      <SelectField id={`${prefix}-status`} name="status" label="Status" defaultValue={value('status', existing?.status ?? 'confirmed')} errors={errors.status} options={assignmentStatusOptions} />
      <DateInput id={`${prefix}-start`} name="startDate" label="Start date" defaultValue={value('startDate', defaultStart)} errors={errors.startDate} required />
      <DateInput id={`${prefix}-end`} name="endDate" label="End date" defaultValue={value('endDate', existing?.endDate)} errors={errors.endDate} required />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>{existing ? (pending ? 'Saving…' : 'Save role') : pending ? 'Planning…' : 'Plan unfilled role'}</Button>
      </div>
    </form>
  )
}
