'use server'

import { revalidatePath } from 'next/cache'
import { formValues, success, toActionError, type ActionState } from '@/lib/action-state'
import { removeSkill, setSkill } from '@/lib/employees/mutations'

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
