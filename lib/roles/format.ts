import { formatDate } from '../format'

/** "TypeScript 3+, React 2+": what a role needs, in words. */
export function requirementsText(requirements: { technologyName: string; minLevel: number }[]): string {
  return requirements.length ? requirements.map((r) => `${r.technologyName} ${r.minLevel}+`).join(', ') : 'No technology required'
}

const weekFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

/** "7 Dec": a week's Monday on a free-per-week chip (the chip's spoken text has the year). */
export function formatWeek(monday: string): string {
  return weekFormat.format(new Date(`${monday}T00:00:00Z`))
}

interface Fit {
  levels: { technologyName: string; minLevel: number; level: number; meets: boolean }[]
  meetsAll: boolean
  fits: boolean
  shortFrom: string | null
}

/**
 * Why a suggestion ranks where it does, in words: "Meets every level · has the time",
 * "Meets every level · would be over-allocated from 12 Jan 2026", "Has the time · Go 2 below the
 * minimum level".
 */
export function fitText(suggestion: Fit): string {
  const skills = suggestion.meetsAll
    ? 'Meets every level'
    : suggestion.levels
        .filter((level) => !level.meets)
        .map((level) => (level.level ? `${level.technologyName} ${level.minLevel - level.level} below the minimum level` : `no ${level.technologyName} at ${level.minLevel}+`))
        .join(', ')
  const time = suggestion.fits || !suggestion.shortFrom ? 'has the time' : `would be over-allocated from ${formatDate(suggestion.shortFrom)}`
  return suggestion.meetsAll || !suggestion.fits ? `${capitalize(skills)} · ${time}` : `Has the time · ${skills}`
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
