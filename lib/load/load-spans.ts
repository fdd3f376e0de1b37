import type { Booking } from '../dto'
import type { TimeOffSpan } from './allocation'

type SpanBooking = Pick<Booking, 'start' | 'end' | 'allocation' | 'tentative' | 'billable'>

/**
 * The bookings and time off as short strings, `start|end|allocation|kind`, in start order: kind is t
 * (tentative) or c (confirmed), with n after it for non-billable work, or o (time off). All the firm
 * overview and the capacity digests need of them (its index projects only this), at about a third of
 * the bookings' size.
 */
export function loadSpansOf(bookings: SpanBooking[], timeOff: TimeOffSpan[] = []): string[] {
  return [
    ...bookings.map((booking) => `${booking.start}|${booking.end ?? ''}|${booking.allocation}|${booking.tentative ? 't' : 'c'}${booking.billable === false ? 'n' : ''}`),
    ...timeOff.map((span) => `${span.start}|${span.end}|0|o`),
  ].sort()
}

export function parseLoadSpans(spans: string[] | undefined): { bookings: SpanBooking[]; timeOff: TimeOffSpan[] } {
  const bookings: SpanBooking[] = []
  const timeOff: TimeOffSpan[] = []
  for (const span of spans ?? []) {
    const [start, end, allocation, status] = span.split('|')
    if (status === 'o') timeOff.push({ start, end })
    else bookings.push({ start, end: end || null, allocation: Number(allocation), tentative: status[0] === 't', ...(status[1] === 'n' ? { billable: false } : {}) })
  }
  return { bookings, timeOff }
}
