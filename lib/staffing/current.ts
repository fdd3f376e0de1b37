// Current and past staffing, as dashboards and project pages show it. An assignment has ended when
// its end date is before today; one that has not started yet is upcoming and counts as current,
// since a manager planning ahead wants it beside the running ones. Pure, so that server pages and
// client components split a list the same way for the day the server read it.

/** Whether the assignment ended before `today` (ISO dates compare as strings); open-ended ones never end. */
export function hasEnded(assignment: { endDate?: string | null }, today: string): boolean {
  return Boolean(assignment.endDate) && assignment.endDate! < today
}

/** The list split into current (running or upcoming) and past (ended), each in the order given. */
export function splitCurrentAndPast<T extends { endDate?: string | null }>(assignments: T[], today: string): { current: T[]; past: T[] } {
  const current: T[] = []
  const past: T[] = []
  for (const assignment of assignments) (hasEnded(assignment, today) ? past : current).push(assignment)
  return { current, past }
}

/** How many different people hold a current assignment in the list. */
export function peopleCurrentlyStaffed(assignments: { employeeId: string; endDate?: string | null }[], today: string): number {
  return new Set(assignments.filter((assignment) => !hasEnded(assignment, today)).map((assignment) => assignment.employeeId)).size
}
