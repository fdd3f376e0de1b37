'use server'

import { redirect } from 'next/navigation'
import type { ActionState } from '../action-state'
import { createEmployee, removeSkill, setSkill, updateEmployee } from '../employees/mutations'
import { addTimeOff, removeTimeOff } from '../employees/time-off'
import { formatDateRange } from '../format'
import { runAction, runActionForResult } from './run'

export async function createEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, createEmployee)
  if ('error' in outcome) return outcome.error
  redirect(`/employees/${outcome.result.id}`)
}

/** Saves the details and goes back to the person's page, which says they were saved. */
export async function updateEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const outcome = await runActionForResult(formData, updateEmployee)
  if ('error' in outcome) return outcome.error
  redirect(`/employees/${outcome.result.id}?saved=1`)
}

export async function setSkillAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, setSkill, (skill) => `${skill.technologyName} at level ${skill.level}`)
}

export async function removeSkillAction(input: { employeeId: string; technologyId: string }): Promise<ActionState> {
  return runAction(input, removeSkill, () => 'Skill removed')
}

export async function addTimeOffAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, addTimeOff, (timeOff) => `Time off recorded: ${formatDateRange(timeOff.start, timeOff.end)}`)
}

export async function removeTimeOffAction(input: { employeeId: string; timeOffId: string }): Promise<ActionState> {
  return runAction(input, removeTimeOff, () => 'Time off removed')
}
