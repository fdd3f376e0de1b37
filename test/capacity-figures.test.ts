import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  ROLE_LIST_LENGTH,
  deficitOf,
  demandOf,
  mergeCapacity,
  personCapacityEntry,
  personWeek,
  roleWeek,
  summariseCapacity,
  totalWeeks,
  type PersonCapacityEntry,
  type RoleDemandEntry,
} from '../lib/digests/capacity-figures'
import { rankSuggestions, roleWeeks, type SuggestionCandidate } from '../lib/roles/ranking'

// The capacity arithmetic and the suggestions' ranking: pure functions, checked by hand-worked
// examples and by properties over random firms.

const MONDAY = '2027-03-01'
const role = (over: Partial<RoleDemandEntry> = {}): RoleDemandEntry => ({ p: 'Backend', r: 'Engineer', a: 100, s: MONDAY, e: '2027-03-05', t: 0, c: 'c1', j: 'p1', cn: 'Client', pn: 'Project', ...over })

describe('capacity arithmetic', () => {
  it('a week of a person: hours less time off; bookings count only on the days they are not off', () => {
    const entry = personCapacityEntry(
      {
        practice: 'Backend',
        capacityHours: 40,
        bookings: [
          { start: '2027-01-04', end: null, allocation: 50, tentative: false },
          { start: '2027-02-01', end: '2027-03-31', allocation: 20, tentative: true, billable: false },
        ],
        timeOff: [{ start: '2027-03-01', end: '2027-03-02' }],
      },
      '2027-02-24',
    )
    // Two of five days off: 24 h of capacity; 50% and 20% on the other three days: 30% and 12% of the week.
    // The tentative booking is non-billable (internal work): it is booked, not billable.
    assert.deepEqual(personWeek(entry, MONDAY), { capacity: 24, confirmed: 12, tentative: 4.8, billable: 12, billableTentative: 0 })
    assert.deepEqual(personWeek(entry, '2027-03-08'), { capacity: 40, confirmed: 20, tentative: 8, billable: 20, billableTentative: 0 })
    assert.deepEqual(personWeek(entry, '2027-04-05'), { capacity: 40, confirmed: 20, tentative: 0, billable: 20, billableTentative: 0 }, 'the tentative booking has ended')
  })

  it('keeps only the spans that can still count, and a 32-hour week is 32 hours', () => {
    const entry = personCapacityEntry({ practice: 'Data', capacityHours: 32, bookings: [{ start: '2026-01-05', end: '2026-02-27', allocation: 100, tentative: false }], timeOff: [] }, '2026-11-26')
    assert.deepEqual(entry, { p: 'Data', h: 32, s: [] })
    assert.equal(personWeek(entry, '2026-11-30').capacity, 32)
  })

  it('an unfilled role counts its allocation of a 40-hour week, in proportion to the working days it covers', () => {
    assert.equal(roleWeek(role({ a: 80 }), MONDAY), 32)
    assert.equal(roleWeek(role({ s: '2027-03-03', e: '2027-03-12' }), MONDAY), 24, 'Wednesday to Friday: 3 of 5 days')
    assert.equal(roleWeek(role(), '2027-03-08'), 0)
  })

  it('a summary groups practices however they are spelled, counts people, and lists the roles starting first', () => {
    const people: Record<string, PersonCapacityEntry> = {
      a: { p: 'Backend', h: 40, s: [] },
      b: { p: 'backend ', h: 32, s: [`${MONDAY}|2027-03-05|50|c`] },
      c: { p: 'Data', h: 40, s: [] },
    }
    const roles = Object.fromEntries(Array.from({ length: ROLE_LIST_LENGTH + 3 }, (_, i) => [`r${String(i).padStart(2, '0')}`, role({ s: `2027-03-${String(1 + (i % 4)).padStart(2, '0')}`, t: i % 2 })]))
    const summary = summariseCapacity({ people, roles }, MONDAY, 2)
    assert.deepEqual(Object.keys(summary.practices).sort(), ['backend', 'data'])
    assert.equal(summary.practices.backend.name, 'Backend')
    assert.equal(summary.practices.backend.people, 2)
    assert.deepEqual(summary.practices.backend.capacity, [72, 72])
    assert.deepEqual(summary.practices.backend.confirmed, [16, 0])
    assert.equal(summary.roles.backend.count, ROLE_LIST_LENGTH + 3)
    assert.equal(summary.roles.backend.first.length, ROLE_LIST_LENGTH)
    assert.deepEqual(summary.roles.backend.first.slice(0, 4).map((r) => r.s), ['2027-03-01', '2027-03-01', '2027-03-01', '2027-03-01'])
    // 15 roles of a full week at 100%, minus the days before each starts: confirmed and tentative apart.
    const expectedHours = (tentative: number) => Object.values(roles).filter((r) => r.t === tentative).reduce((sum, r) => sum + roleWeek(r, MONDAY), 0)
    assert.equal(summary.practices.backend.unfilled[0], expectedHours(0))
    assert.equal(summary.practices.backend.unfilledTentative[0], expectedHours(1))
  })

  it('demand counts tentative work only when asked; a deficit is demand above capacity', () => {
    const week = { weekStart: MONDAY, capacity: 100, confirmed: 60, tentative: 30, unfilled: 20, unfilledTentative: 10, billable: 40, billableTentative: 30 }
    assert.equal(demandOf(week, true), 120)
    assert.equal(demandOf(week, false), 80)
    assert.equal(deficitOf(week, true), 20)
    assert.equal(deficitOf(week, false), 0)
  })

  const spans = fc.array(
    fc.record({ start: fc.integer({ min: 0, max: 200 }), length: fc.integer({ min: 0, max: 60 }), allocation: fc.integer({ min: 5, max: 100 }), kind: fc.constantFrom('c', 't', 'o', 'cn', 'tn') }),
    { maxLength: 4 },
  )
  const day = (n: number) => new Date(Date.UTC(2027, 0, 4) + n * 86_400_000).toISOString().slice(0, 10)
  const firm = fc.array(fc.record({ practice: fc.constantFrom('Backend', 'Data', 'data', 'Cloud'), hours: fc.constantFrom(40, 32, 20), spans, shard: fc.nat({ max: 3 }) }), { maxLength: 12 })

  it('adding up the shards gives the firm: merged summaries equal one summary of everyone (to rounding)', () => {
    fc.assert(
      fc.property(firm, fc.integer({ min: 0, max: 3 }), (people, weeksAgo) => {
        const today = day(28)
        const entries = people.map((person, i) => ({
          shard: person.shard,
          id: `e${i}`,
          entry: {
            p: person.practice,
            h: person.hours,
            s: person.spans.map((span) => `${day(span.start)}|${day(span.start + span.length)}|${span.kind === 'o' ? 0 : span.allocation}|${span.kind}`).sort(),
          },
        }))
        // Each shard derived on a different day, up to three weeks back: the figures for a week do not depend on it.
        const shards = [0, 1, 2, 3].map((shard) =>
          summariseCapacity({ people: Object.fromEntries(entries.filter((e) => e.shard === shard).map((e) => [e.id, e.entry])) }, day(28 - 7 * Math.min(weeksAgo, shard))),
        )
        const merged = mergeCapacity(shards, today, 26)
        const whole = mergeCapacity([summariseCapacity({ people: Object.fromEntries(entries.map((e) => [e.id, e.entry])) }, today)], today, 26)
        assert.equal(merged.missing, 0)
        assert.deepEqual(merged.practices.map((p) => [p.key, p.people]), whole.practices.map((p) => [p.key, p.people]))
        merged.practices.forEach((practice, i) => {
          practice.weeks.forEach((week, w) => {
            for (const series of ['capacity', 'confirmed', 'tentative', 'billable', 'billableTentative'] as const) {
              assert.ok(Math.abs(week[series] - whole.practices[i].weeks[w][series]) <= 0.21, `${practice.key} ${week.weekStart} ${series}`)
            }
            // Billable work is part of the booked work (non-billable work is the rest).
            assert.ok(week.billable <= week.confirmed + 0.01 && week.billableTentative <= week.tentative + 0.01, `${practice.key} ${week.weekStart} billable within booked`)
          })
        })
        const total = totalWeeks(merged.practices, merged.weeks)
        total.forEach((week, w) => assert.ok(Math.abs(week.capacity - merged.practices.reduce((sum, p) => sum + p.weeks[w].capacity, 0)) < 0.01))
      }),
      { numRuns: 150, seed: 20261126 },
    )
  })

  it('a summary derived too long ago is reported as missing weeks rather than read as zeros silently', () => {
    const old = summariseCapacity({ people: { a: { p: 'Backend', h: 40, s: [] } } }, '2026-01-05')
    const view = mergeCapacity([old], '2026-11-26')
    assert.equal(view.missing, 1)
  })
})

describe('ranking suggestions', () => {
  const need = { practice: 'Frontend', allocation: 80, startDate: '2027-03-01', endDate: '2027-03-26', requirements: [{ technologyId: 'ts', technologyName: 'TypeScript', minLevel: 3 }] }
  const person = (id: string, over: Partial<SuggestionCandidate> = {}): SuggestionCandidate => ({ id, name: id, practice: 'Frontend', title: null, levels: { ts: 4 }, bookings: [], timeOff: [], ...over })

  it('whoever meets every minimum comes first; then skill, free capacity and practice, weighted 45/45/10', () => {
    const ranked = rankSuggestions(
      [
        person('below', { levels: { ts: 2 } }),
        person('busy', { levels: { ts: 5 }, bookings: [{ assignmentId: 'a', clientId: 'c', projectId: 'x', start: '2027-01-01', end: null, allocation: 60, tentative: false }] }),
        person('free'),
        person('other-practice', { practice: 'Backend' }),
      ],
      need,
      '2027-02-01',
    )
    assert.deepEqual(ranked.map((s) => s.id), ['free', 'other-practice', 'busy', 'below'])
    const [free, other, busy, below] = ranked
    assert.deepEqual([free.skill, free.availability, free.score], [0.8, 1, 0.91])
    assert.equal(other.score, 0.81)
    // 40% free of an 80% role: half the role each week.
    assert.deepEqual([busy.availability, busy.score, busy.fits, busy.pushedOver], [0.5, 0.775, false, 4])
    assert.equal(below.meetsAll, false)
    assert.deepEqual(below.levels, [{ technologyId: 'ts', technologyName: 'TypeScript', minLevel: 3, level: 2, meets: false }])
  })

  it('time off counts as not free, week by week, and the evidence starts this week for a role already running', () => {
    const [away] = rankSuggestions([person('away', { timeOff: [{ start: '2027-03-08', end: '2027-03-12' }] })], need, '2027-03-03')
    assert.deepEqual(away.weeks, [
      { weekStart: '2027-03-01', free: 100 },
      { weekStart: '2027-03-08', free: 0 },
      { weekStart: '2027-03-15', free: 100 },
      { weekStart: '2027-03-22', free: 100 },
    ])
    assert.equal(away.availability, 0.75)
    assert.deepEqual(roleWeeks(need, '2027-03-17'), ['2027-03-15', '2027-03-22'])
    assert.equal(roleWeeks({ startDate: '2027-01-04', endDate: '2029-01-04' }, '2027-01-04').length, 26)
  })

  it('equal people are ordered by name, so the list is stable', () => {
    assert.deepEqual(rankSuggestions([person('b'), person('a'), person('c')], need, '2027-02-01').map((s) => s.id), ['a', 'b', 'c'])
  })
})
