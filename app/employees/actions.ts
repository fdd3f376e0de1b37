'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { formValues, success, toActionError, type ActionState } from '@/lib/action-state'
import { createEmployee, removeSkill, setSkill, updateEmployee } from '@/lib/employees/mutations'

export async function setSkillAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    const skill = await setSkill(values as never)
    revalidatePath('/', 'layout')
    return success(`${skill.technologyName} at level ${skill.level}`)
  } catch (error) {
    return toActionError(error, values)
  }
}

export async function removeSkillAction(input: { employeeId: string; technologyId: string }): Promise<ActionState> {
  try {
    await removeSkill(input)
    revalidatePath('/', 'layout')
    return success('Skill removed')
  } catch (error) {
    return toActionError(error)
  }
}

export async function createEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  let employeeId: string
  try {
    employeeId = (await createEmployee(values as never)).id
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath('/', 'layout')
  redirect(`/employees/${employeeId}`)
}

export async function updateEmployeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData)
  try {
    await updateEmployee(values as never)
  } catch (error) {
    return toActionError(error, values)
  }
  revalidatePath('/', 'layout')
  return success('Details saved')
}
