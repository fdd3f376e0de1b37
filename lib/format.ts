const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`))
}

export function formatDateRange(start: string, end: string | null): string {
  return `${formatDate(start)} – ${end ? formatDate(end) : 'open-ended'}`
}
