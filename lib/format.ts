const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

// Screens print the same few hundred dates many times over: each is formatted once (bounded).
const formatted = new Map<string, string>()

export function formatDate(isoDate: string): string {
  let text = formatted.get(isoDate)
  if (text === undefined) {
    if (formatted.size >= 5_000) formatted.clear()
    text = dateFormat.format(new Date(`${isoDate}T00:00:00Z`))
    formatted.set(isoDate, text)
  }
  return text
}

export function formatDateRange(start: string, end: string | null): string {
  return `${formatDate(start)} – ${end ? formatDate(end) : 'open-ended'}`
}
