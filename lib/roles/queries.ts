import 'server-only'
import { authorize, type Actor } from '../authorization'
import { EmployeeEntity, GetItemCommand, QueryCommand, RosterTable, SkillEntity, UnfilledRoleEntity, nameAccessPattern, partitions, peopleKeys, skillLevelRange } from '../db'
import { toBookings, toTimeOff } from '../dto'
import { todayIso } from '../load/allocation'
import { isEntityId } from '../validation'
import { rankSuggestions, type Suggestion, type SuggestionCandidate, type SuggestionOrder } from './ranking'
import { toUnfilledRoleView, type UnfilledRoleView } from '../dto'

/** People read per required technology (its most skilled first), or from the practice when none is required. */
export const CANDIDATES_PER_SOURCE = 200
/** Suggestions shown. */
export const SUGGESTIONS_SHOWN = 20

export interface RoleSuggestions {
  role: UnfilledRoleView
  suggestions: Suggestion[]
  /** How many different people were considered. */
  considered: number
  /** A technology (or the practice) had more people at the level than were read. */
  truncated: boolean
}

/**
 * An unfilled role and the people best placed to fill it. Bounded whatever the firm's size: one
 * GetItem for the role, then one Query per required technology (at most 5) on its GSI2 partition
 * from the minimum level up, most skilled first, 200 at most each. Skill items carry the person's
 * name, practice, bookings and time off, so nothing else is read. With no required technology, one
 * Query of the role's practice (GSI5) instead. People already on the project for these dates are left out.
 * `order` is the ranking's (see ranking.ts): who can do it and has the time first, or skills first.
 */
export async function getRoleSuggestions(actor: Actor | null, ref: { clientId: string; projectId: string; roleId: string }, options: { today?: string; order?: SuggestionOrder } = {}): Promise<RoleSuggestions | null> {
  authorize(actor, 'read')
  if (!isEntityId(ref.clientId) || !isEntityId(ref.projectId) || !isEntityId(ref.roleId)) return null
  nameAccessPattern('Unfilled role and suggestions')
  const { Item } = await UnfilledRoleEntity.build(GetItemCommand).key({ clientId: ref.clientId, projectId: ref.projectId, id: ref.roleId }).options({ consistent: true }).send()
  if (!Item || Item.deletingAt) return null
  const role = toUnfilledRoleView(Item)
  const candidates = new Map<string, SuggestionCandidate>()
  let truncated = false
  if (role.requirements.length) {
    const pages = await Promise.all(
      role.requirements.map((requirement) =>
        RosterTable.build(QueryCommand)
          .entities(SkillEntity)
          .query({ index: 'GSI2', partition: partitions.technology(requirement.technologyId), range: skillLevelRange(requirement.minLevel) })
          .options({ limit: CANDIDATES_PER_SOURCE, reverse: true })
          .send(),
      ),
    )
    for (const page of pages) {
      if (page.LastEvaluatedKey) truncated = true
      for (const skill of page.Items ?? []) {
        const known = candidates.get(skill.employeeId)
        if (known) {
          known.levels[skill.technologyId] = skill.level
          continue
        }
        candidates.set(skill.employeeId, {
          id: skill.employeeId,
          name: skill.employeeName,
          practice: skill.employeePractice ?? null,
          title: skill.employeeTitle ?? null,
          levels: { [skill.technologyId]: skill.level },
          bookings: toBookings(skill.employeeBookings),
          timeOff: toTimeOff(skill.employeeTimeOff),
        })
      }
    }
  } else {
    const page = await RosterTable.build(QueryCommand)
      .entities(EmployeeEntity)
      .query({ index: 'GSI5', partition: peopleKeys.practice(role.practice) })
      .options({ limit: CANDIDATES_PER_SOURCE })
      .send()
    if (page.LastEvaluatedKey) truncated = true
    for (const person of page.Items ?? []) {
      candidates.set(person.id, { id: person.id, name: person.name, practice: person.practice, title: person.title, levels: {}, bookings: toBookings(person.bookings), timeOff: toTimeOff(person.timeOff) })
    }
  }
  // Someone already on this project for overlapping dates cannot be staffed on it again.
  const onProject = (candidate: SuggestionCandidate) =>
    candidate.bookings.some((booking) => booking.projectId === role.projectId && booking.start <= role.endDate && (!booking.end || booking.end >= role.startDate))
  const eligible = [...candidates.values()].filter((candidate) => !onProject(candidate))
  const suggestions = rankSuggestions(eligible, role, options.today ?? todayIso(), options.order).slice(0, SUGGESTIONS_SHOWN)
  return { role, suggestions, considered: candidates.size, truncated }
}
