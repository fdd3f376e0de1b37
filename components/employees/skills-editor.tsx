'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useActionState, useTransition } from 'react'
import { removeSkillAction, setSkillAction } from '@/lib/actions/employees'
import { Button } from '@/components/ui/button'
import { FormError, SelectField } from '@/components/ui/field'
import { SearchPicker, usePick } from '@/components/ui/search-picker'
import { useToast } from '@/components/ui/toast'
import { useActionForm } from '@/components/ui/use-action-form'
import type { SkillView } from '@/lib/dto'
import { useTechnologyOptions } from '@/components/technologies/use-technology-options'

const levels = [1, 2, 3, 4, 5].map((level) => ({ value: String(level), label: `${level} – ${['Beginner', 'Working', 'Proficient', 'Advanced', 'Expert'][level - 1]}` }))

/** The person's skills; `editable` (a manager, or the person themselves) adds the controls. */
export function SkillsEditor({ employeeId, skills, editable }: { employeeId: string; skills: SkillView[]; editable: boolean }) {
  const pick = usePick()
  const technology = pick.picked
  const { formAction, pending, errors, formError } = useActionForm(setSkillAction, () => {
    pick.clear()
  })
  const technologies = useTechnologyOptions(pick.search, new Set(skills.map((skill) => skill.technologyId)))
  return (
    <section aria-labelledby="skills-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="skills-heading" className="mb-3 text-lg font-semibold">Skills</h2>
      {skills.length === 0 ? (
        <p className="text-sm text-slate-600">No skills recorded yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {skills.map((skill) => (
            editable ? <SkillRow key={skill.technologyId} employeeId={employeeId} skill={skill} /> : <SkillReadOnly key={skill.technologyId} skill={skill} />
          ))}
        </ul>
      )}
      {editable ? <form action={formAction} className="mt-4 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start" aria-label="Add a skill" noValidate>
        <input type="hidden" name="employeeId" value={employeeId} />
        <input type="hidden" name="technologyId" value={technology?.id ?? ''} />
        <div className="sm:col-span-3">{formError ? <FormError errors={[formError]} /> : null}</div>
        <SearchPicker
          placeholder="Type a technology"
          label="Technology"
          {...pick.pickerProps}
          options={technologies.options}
          loading={technologies.loading}
          errors={errors.technologyId}
        />
        <SelectField id="new-skill-level" name="level" label="Level" defaultValue="3" options={levels} errors={errors.level} />
        <Button type="submit" disabled={pending} className="sm:mt-6">{pending ? 'Adding…' : 'Add skill'}</Button>
      </form> : null}
    </section>
  )
}

function SkillReadOnly({ skill }: { skill: SkillView }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <Link href={`/technologies/${skill.technologyId}`} className="font-medium text-indigo-700 hover:underline">{skill.technologyName}</Link>
      <span className="text-sm text-slate-700">{levels[skill.level - 1]?.label ?? `Level ${skill.level}`}</span>
    </li>
  )
}

function SkillRow({ employeeId, skill }: { employeeId: string; skill: SkillView }) {
  const [, formAction, pending] = useActionState(setSkillAction, { status: 'idle' })
  const [removing, startRemoving] = useTransition()
  const router = useRouter()
  const toast = useToast()
  const id = `skill-${skill.technologyId}`
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <Link href={`/technologies/${skill.technologyId}`} className="font-medium text-indigo-700 hover:underline">{skill.technologyName}</Link>
      <div className="flex items-center gap-2">
        <form action={formAction} className="flex items-center gap-2">
          <input type="hidden" name="employeeId" value={employeeId} />
          <input type="hidden" name="technologyId" value={skill.technologyId} />
          <label htmlFor={id} className="sr-only">{skill.technologyName} level</label>
          <select id={id} name="level" defaultValue={String(skill.level)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" onChange={(event) => event.currentTarget.form?.requestSubmit()} disabled={pending}>
            {levels.map((level) => <option key={level.value} value={level.value}>{level.label}</option>)}
          </select>
        </form>
        <Button
          variant="ghost"
          aria-label={`Remove ${skill.technologyName}`}
          disabled={removing}
          onClick={() =>
            startRemoving(async () => {
              const result = await removeSkillAction({ employeeId, technologyId: skill.technologyId })
              toast(result.status === 'idle' ? '' : result.message, result.status === 'error' ? 'error' : 'success')
              router.refresh()
            })
          }
        >
          Remove
        </Button>
      </div>
    </li>
  )
}
