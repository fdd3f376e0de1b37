/** Figures stored on the client item, derived from its per-edge maps. */
export function clientFigures(client: Record<string, unknown>) {
  const projectIds = (client.projectIds as Record<string, number> | undefined) ?? {}
  const staffing = (client.staffing as Record<string, string> | undefined) ?? {}
  return { projectCount: Object.keys(projectIds).length, staffedCount: new Set(Object.values(staffing)).size }
}
