/** "TypeScript 3+, React 2+": what a role needs, in words. */
export function requirementsText(requirements: { technologyName: string; minLevel: number }[]): string {
  return requirements.length ? requirements.map((r) => `${r.technologyName} ${r.minLevel}+`).join(', ') : 'No technology required'
}
