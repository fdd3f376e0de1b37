import type { Booking } from '../dto'
import type { TimeOffSpan } from './allocation'

/**
 * The bookings and time off as short strings, `start|end|allocation|t, c or o` (o: time off), in start
 * order: all the firm overview needs of them (its index projects only this), at about a third of the
 * bookings' size.
 */
export function loadSpansOf(bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[], timeOff: TimeOffSpan[] = []): string[] {
  return [
    ...bookings.map((booking) => `${booking.start}|${booking.end ?? ''}|${booking.allocation}|${booking.tentative ? 't' : 'c'}`),
    ...timeOff.map((span) => `${span.start}|${span.end}|0|o`),
  ].sort()
}

export function parseLoadSpans(spans: string[] | undefined): { bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[]; timeOff: TimeOffSpan[] } {
  const bookings: Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative'>[] = []
  const timeOff: TimeOffSpan[] = []
  for (const span of spans ?? []) {
    const [start, end, allocation, status] = span.split('|')
    if (status === 'o') timeOff.push({ start, end })
    else bookings.push({ start, end: end || null, allocation: Number(allocation), tentative: status === 't' })
  }
  return { bookings, timeOff }
}
