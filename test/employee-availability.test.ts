import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { availabilityOf, isFreeFor, parseFreeFor } from '../lib/employees/availability'
import type { Booking } from '../lib/load/allocation'

const booking = (start: string, end: string | null, allocation: number, tentative = false): Booking => ({ projectId: 'p', start, end, allocation, tentative })
// A Wednesday: the first week is the one it falls in (Monday 23 Nov 2026).
const today = '2026-11-25'

describe('the employee list’s availability over the coming weeks', () => {
  it('says how much is free and for how long, this week first', () => {
    const availability = availabilityOf({ bookings: [booking('2026-11-01', '2026-12-11', 60), booking('2026-12-14', null, 100)], timeOff: [] }, today)
    assert.deepEqual(availability.weeks.map((week) => [week.weekStart, week.free, week.state]), [
      ['2026-11-23', 40, 'partly'],
      ['2026-11-30', 40, 'partly'],
      ['2026-12-07', 40, 'partly'],
      ['2026-12-14', 0, 'full'],
      ['2026-12-21', 0, 'full'],
      ['2026-12-28', 0, 'full'],
    ])
    assert.equal(availability.summary, 'free 40% · 3 wks')
  })

  it('takes the least free week of the run, and says when the run outlasts the weeks shown', () => {
    const availability = availabilityOf({ bookings: [booking('2026-12-07', '2026-12-11', 80)], timeOff: [] }, today)
    assert.equal(availability.summary, 'free 20% · 6+ wks')
    assert.equal(availabilityOf({ bookings: [], timeOff: [] }, today).summary, 'free 100% · 6+ wks')
  })

  it('says when a full, over-allocated or away person frees up', () => {
    assert.equal(availabilityOf({ bookings: [booking('2026-11-01', '2026-12-04', 100), booking('2026-12-07', null, 50)], timeOff: [] }, today).summary, 'full · free 50% from 7 Dec 2026')
    const over = availabilityOf({ bookings: [booking('2026-11-01', null, 70), booking('2026-11-01', '2026-11-27', 50)], timeOff: [] }, today)
    assert.equal(over.weeks[0].state, 'over')
    assert.equal(over.summary, 'over-allocated · free 30% from 30 Nov 2026')
    const away = availabilityOf({ bookings: [booking('2026-11-01', null, 100)], timeOff: [{ start: '2026-11-23', end: '2026-11-27' }] }, today)
    assert.equal(away.weeks[0].state, 'off')
    assert.equal(away.summary, 'away · nothing free in 6 wks')
  })

  it('filters on at least half free in every one of the next N weeks', () => {
    const availability = availabilityOf({ bookings: [booking('2026-12-14', null, 60)], timeOff: [] }, today)
    assert.equal(isFreeFor(availability, 2), true)
    assert.equal(isFreeFor(availability, 4), false)
    assert.equal(parseFreeFor('4'), 4)
    assert.equal(parseFreeFor('5'), undefined)
    assert.equal(parseFreeFor('<script>'), undefined)
    assert.equal(parseFreeFor(undefined), undefined)
  })
})
