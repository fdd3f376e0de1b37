/** Figures stored on the technology item, derived from its per-edge maps. */
export function technologyFigures(technology: Record<string, unknown>) {
  return {
    projectCount: Object.keys((technology.projectKeys as Record<string, number> | undefined) ?? {}).length,
    peopleCount: Object.keys((technology.people as Record<string, number> | undefined) ?? {}).length,
  }
}

/** The entry key of a stack entry in the technology's `projectKeys` map. */
export function projectKeyOf(clientId: string, projectId: string): string {
  return `${clientId}#${projectId}`
}
