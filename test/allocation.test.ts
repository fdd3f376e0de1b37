import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { allocationImpact, allocationOn, isOffOn, mondayOf, periodLoad, periodLoads, usedOf, weeklyLoads } from '../lib/load/allocation'
import type { Booking } from '../lib/load/allocation'

const booking = (start: string, end: string | null, allocation: number, tentative = false, projectId = 'p'): Booking => ({ projectId, start, end, allocation, tentative })

describe('allocation arithmetic', () => {
  it('finds the Monday of any day', () => {
    assert.equal(mondayOf('2026-11-25'), '2026-11-23') // a Wednesday
    assert.equal(mondayOf('2026-11-23'), '2026-11-23')
    assert.equal(mondayOf('2026-11-29'), '2026-11-23') // Sunday belongs to the week before
  })

  it('adds overlapping bookings week by week', () => {
    const loads = weeklyLoads([booking('2026-11-23', '2026-12-04', 60), booking('2026-11-30', '2026-12-11', 50)], '2026-11-23', 3)
    assert.deepEqual(loads, [
      { weekStart: '2026-11-23', total: 60, off: 0 },
      { weekStart: '2026-11-30', total: 110, off: 0 },
      { weekStart: '2026-12-07', total: 50, off: 0 },
    ])
  })

  it('counts a partial week in proportion to the working days covered', () => {
    // Wednesday to Friday (3 of 5 days) at 50% adds 30%; a weekend-only booking adds nothing.
    assert.deepEqual(weeklyLoads([booking('2026-11-25', '2026-11-27', 50)], '2026-11-23', 1), [{ weekStart: '2026-11-23', total: 30, off: 0 }])
    assert.deepEqual(weeklyLoads([booking('2026-11-28', '2026-11-29', 100)], '2026-11-23', 1), [{ weekStart: '2026-11-23', total: 0, off: 0 }])
  })

  it('runs open-ended bookings on forever', () => {
    const loads = weeklyLoads([booking('2026-01-05', null, 40)], '2030-06-03', 2)
    assert.deepEqual(loads.map((w) => w.total), [40, 40])
  })

  it('leaves tentative bookings out when asked', () => {
    const bookings = [booking('2026-11-23', '2026-12-31', 50), booking('2026-11-23', '2026-12-31', 70, true)]
    assert.equal(weeklyLoads(bookings, '2026-11-23', 1)[0].total, 120)
    assert.equal(weeklyLoads(bookings, '2026-11-23', 1, { includeTentative: false })[0].total, 50)
    assert.equal(allocationOn(bookings, '2026-11-25'), 120)
    assert.equal(allocationOn(bookings, '2026-11-25', { includeTentative: false }), 50)
    assert.equal(allocationOn(bookings, '2027-01-04'), 0)
  })

  it('names the weeks a new booking would push above 100%', () => {
    const existing = [booking('2026-11-23', '2026-12-04', 80, false, 'a')]
    const impact = allocationImpact(existing, booking('2026-11-30', '2026-12-18', 40, false, 'b'), '2026-11-23')
    assert.deepEqual(impact, { alreadyOver: [], pushedOver: [{ weekStart: '2026-11-30', before: 80, after: 120 }] })
    // Changing the existing booking itself does not count it twice.
    assert.deepEqual(allocationImpact(existing, booking('2026-11-23', '2026-12-04', 100, false, 'a'), '2026-11-23', { replacingProjectId: 'a', replacingStart: '2026-11-23' }), {
      alreadyOver: [],
      pushedOver: [],
    })
  })

  it('warns from today on, and tells weeks already over from weeks this change pushes over', () => {
    // 110% in the weeks of 2 and 9 Nov (past) and of 23 Nov; 60% in the week of 30 Nov.
    const existing = [booking('2026-11-02', '2026-11-27', 60, false, 'a'), booking('2026-11-02', '2026-11-13', 50, false, 'b'), booking('2026-11-23', '2026-11-27', 50, false, 'c'), booking('2026-11-30', '2026-12-04', 60, false, 'd')]
    const impact = allocationImpact(existing, booking('2026-11-02', '2026-12-04', 20, false, 'e'), '2026-11-26')
    // The weeks of 2, 9 and 16 Nov are history on 26 Nov: not named.
    assert.deepEqual(impact.alreadyOver, [{ weekStart: '2026-11-23', before: 110, after: 130 }])
    assert.deepEqual(impact.pushedOver, [])
    const bigger = allocationImpact(existing, booking('2026-11-02', '2026-12-04', 50, false, 'e'), '2026-11-26')
    assert.deepEqual(bigger.alreadyOver.map((week) => week.weekStart), ['2026-11-23'])
    assert.deepEqual(bigger.pushedOver, [{ weekStart: '2026-11-30', before: 60, after: 110 }])
    // Wholly in the past: nothing to warn about.
    assert.deepEqual(allocationImpact(existing, booking('2026-11-02', '2026-11-13', 80, false, 'e'), '2026-11-26'), { alreadyOver: [], pushedOver: [] })
  })

  describe('with time off', () => {
    it('counts a booking only on working days that are not off, and each day off as 20%', () => {
      // 100% all week; Wednesday to Friday off.
      const [week] = weeklyLoads([booking('2026-11-23', null, 100)], '2026-11-23', 1, { timeOff: [{ start: '2026-11-25', end: '2026-11-27' }] })
      assert.deepEqual(week, { weekStart: '2026-11-23', total: 40, off: 60 })
      assert.equal(usedOf(week), 100, 'full, not over')
    })

    it('handles partial weeks, overlapping stretches, weekends and open-ended bookings', () => {
      const timeOff = [
        { start: '2026-11-27', end: '2026-12-01' }, // Fri, the weekend, Mon and Tue
        { start: '2026-11-30', end: '2026-11-30' }, // Monday again: counted once
      ]
      const loads = weeklyLoads([booking('2026-11-26', null, 50), booking('2026-11-23', '2026-11-24', 100, true)], '2026-11-23', 2, { timeOff })
      // Week of 23 Nov: Mon–Tue 100% tentative (40), Thu 50% (10), Fri off.
      assert.deepEqual(loads[0], { weekStart: '2026-11-23', total: 50, off: 20 })
      // Week of 30 Nov: Mon–Tue off, Wed–Fri 50%.
      assert.deepEqual(loads[1], { weekStart: '2026-11-30', total: 30, off: 40 })
      assert.deepEqual(weeklyLoads([booking('2026-11-23', null, 100, true)], '2026-11-23', 1, { timeOff, includeTentative: false })[0], { weekStart: '2026-11-23', total: 0, off: 20 })
    })

    it('makes a day off no allocation today, and counts time off in the warning and in availability', () => {
      const timeOff = [{ start: '2026-12-07', end: '2026-12-11' }]
      assert.equal(allocationOn([booking('2026-11-23', null, 80)], '2026-12-08', { timeOff }), 0)
      assert.equal(isOffOn(timeOff, '2026-12-08'), true)
      const impact = allocationImpact([booking('2026-11-23', null, 80)], booking('2026-11-30', '2026-12-18', 40, false, 'b'), '2026-11-26', { timeOff: [{ start: '2026-12-14', end: '2026-12-15' }] })
      // Week of 14 Dec: 2 days off (40) + 3 days at 120% (72) = 112.
      assert.deepEqual(impact.pushedOver.map((week) => [week.weekStart, week.before, week.after]), [
        ['2026-11-30', 80, 120],
        ['2026-12-07', 80, 120],
        ['2026-12-14', 88, 112],
      ])
    })
  })
})

describe('one pass for confirmed and tentative work', () => {
  // The day-by-day definition, with a Date per day: what periodLoads must agree with.
  function byTheCalendar(bookings: (Booking & { billable?: boolean })[], start: string, end: string, timeOff: { start: string; end: string }[], includeTentative: boolean, billableOnly = false) {
    let working = 0
    let off = 0
    let booked = 0
    for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10)
      if ([0, 6].includes(new Date(t).getUTCDay())) continue
      working++
      if (timeOff.some((span) => span.start <= date && date <= span.end)) {
        off++
        continue
      }
      for (const b of bookings) if ((includeTentative || !b.tentative) && (!billableOnly || b.billable !== false) && b.start <= date && (!b.end || date <= b.end)) booked += b.allocation
    }
    return working ? { total: Math.round(booked / working), off: Math.round((off * 100) / working) } : { total: 0, off: 0 }
  }
  const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)
  const span = fc.record({ from: fc.integer({ min: 0, max: 120 }), days: fc.integer({ min: 0, max: 40 }) })

  it('agrees with the day-by-day definition for any bookings, time off and period', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ span, open: fc.boolean(), allocation: fc.integer({ min: 5, max: 100 }), tentative: fc.boolean(), billable: fc.boolean() }), { maxLength: 6 }),
        fc.array(span, { maxLength: 3 }),
        span,
        (raw, rawOff, period) => {
          const bookings = raw.map((b) => ({ ...booking(day(b.span.from), b.open ? null : day(b.span.from + b.span.days), b.allocation, b.tentative), ...(b.billable ? {} : { billable: false }) }))
          const timeOff = rawOff.map((s) => ({ start: day(s.from), end: day(s.from + s.days) }))
          const [start, end] = [day(period.from), day(period.from + period.days)]
          const both = periodLoads(bookings, start, end, timeOff)
          const all = byTheCalendar(bookings, start, end, timeOff, true)
          const confirmed = byTheCalendar(bookings, start, end, timeOff, false)
          const billable = byTheCalendar(bookings, start, end, timeOff, true, true)
          const billableConfirmed = byTheCalendar(bookings, start, end, timeOff, false, true)
          assert.deepEqual(both, { total: all.total, confirmed: confirmed.total, billable: billable.total, billableConfirmed: billableConfirmed.total, off: all.off })
          assert.deepEqual(periodLoad(bookings, start, end, { timeOff, includeTentative: false }), confirmed)
        },
      ),
      { numRuns: 300 },
    )
  })
})
