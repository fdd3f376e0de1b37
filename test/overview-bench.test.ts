import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { byMostFree, freeWeeks, summariseWeek, weekStatus, type BenchEntry, type OverEntry } from '../lib/digests/overview'
import { weekChanges, type WeekPart } from '../lib/overview/week-changes'

const MONDAY = '2027-03-01'
const NEXT_MONDAY = '2027-03-08'
const bench = (id: string, entry: Partial<BenchEntry> = {}): BenchEntry & { id: string } => ({ id, n: id, p: 'Backend', f: '', u: '', ...entry })
const over = (id: string, a: number): OverEntry & { id: string } => ({ id, n: id, p: 'Backend', a })
const part = (entries: { bench?: (BenchEntry & { id: string })[]; over?: (OverEntry & { id: string })[] }, counts: { benchCount?: number; overCount?: number } = {}): WeekPart => ({
  bench: entries.bench ?? [],
  benchCount: counts.benchCount ?? entries.bench?.length ?? 0,
  over: entries.over ?? [],
  overCount: counts.overCount ?? entries.over?.length ?? 0,
})

describe('the bench on the home page', () => {
  it('lists the most free first, then those free for the most weeks ahead, then by name', () => {
    const people = [
      bench('Ada', { u: '2027-03-14' }), // free 2 weeks
      bench('Bo', { o: 40 }), // 2 days off: free 60%, nothing booked ahead
      bench('Cy', { u: '2027-04-11' }), // free 6 weeks
      bench('Di'), // free, nothing booked ahead
      bench('Ed', { u: '2027-03-07' }), // free this week only
      bench('Al'), // free, nothing booked ahead: before Di by name
    ]
    assert.deepEqual([...people].sort(byMostFree).map((p) => p.id), ['Al', 'Di', 'Cy', 'Ada', 'Ed', 'Bo'])
  })

  it('counts the whole working weeks free from the week shown', () => {
    assert.equal(freeWeeks({ u: '' }, MONDAY), Infinity, 'nothing booked after')
    assert.equal(freeWeeks({ u: '2027-03-07' }, MONDAY), 1, 'booked from next Monday: this week')
    assert.equal(freeWeeks({ u: '2027-04-11' }, MONDAY), 6)
    assert.equal(freeWeeks({ u: '2027-03-09' }, MONDAY), 1, 'booked from next Wednesday: one whole week')
    assert.equal(freeWeeks({ u: '2027-03-12' }, MONDAY), 2, 'free to next Friday')
  })

  it('a week digest lists the first of its bench in that order, and keeps time off on the entry', () => {
    const booking = { start: '2027-03-15', end: '2027-06-01', allocation: 100, tentative: false }
    const partlyOff = weekStatus({ name: 'Off Two Days', practice: 'Data', bookings: [], timeOff: [{ start: '2027-03-01', end: '2027-03-02' }] }, MONDAY)
    const soonBooked = weekStatus({ name: 'Aa Soon Booked', practice: 'Data', bookings: [booking], timeOff: [] }, MONDAY)
    const idle = weekStatus({ name: 'Zz Idle', practice: 'Data', bookings: [], timeOff: [] }, MONDAY)
    assert.equal(partlyOff.bench?.o, 40)
    assert.equal(idle.bench?.o, undefined, 'no time off, no figure: as entries written before it')
    const summary = summariseWeek({ bench: { off: partlyOff.bench!, soon: soonBooked.bench!, idle: idle.bench! } })
    assert.deepEqual(summary.bench.map((entry) => entry.n), ['Zz Idle', 'Aa Soon Booked', 'Off Two Days'])
  })
})

describe('what changes next week', () => {
  it('names who joins and leaves the bench and over-allocation, from complete lists', () => {
    const changes = weekChanges(
      [part({ bench: [bench('stays'), bench('leaves', { u: '2027-03-09' })], over: [over('still', 120), over('calms', 110)] })],
      [part({ bench: [bench('stays'), bench('joins', { f: '2027-03-06' })], over: [over('still', 120), over('newly', 130)] })],
      MONDAY,
      NEXT_MONDAY,
    )
    assert.deepEqual(changes.joiningBench.map((p) => p.id), ['joins'])
    assert.deepEqual(changes.leavingBench.map((p) => p.id), ['leaves'])
    assert.deepEqual(changes.becomingOver.map((p) => p.id), ['newly'])
    assert.deepEqual(changes.leavingOver.map((p) => p.id), ['calms'])
    assert.equal(changes.complete, true)
  })

  it('from a list cut short, names only who their own entry shows changing, and says it may miss some', () => {
    const changes = weekChanges(
      // This week lists 2 of 30 on the bench and 1 of 5 over-allocated.
      [part({ bench: [bench('open'), bench('booked-next-week', { u: '2027-03-10' })], over: [over('top', 150)] }, { benchCount: 30, overCount: 5 })],
      // Next week lists 2 of 30 on the bench: 'unlisted' may still be on it, 'ended-this-week' was booked this week.
      [part({ bench: [bench('open'), bench('ended-this-week', { f: '2027-03-04' }), bench('unlisted-this-week', { f: '2027-01-01' })], over: [over('maybe-new', 140)] }, { benchCount: 30, overCount: 5 })],
      MONDAY,
      NEXT_MONDAY,
    )
    assert.deepEqual(changes.joiningBench.map((p) => p.id), ['ended-this-week'])
    assert.deepEqual(changes.leavingBench.map((p) => p.id), ['booked-next-week'])
    assert.deepEqual(changes.becomingOver, [], 'not listed this week is not the same as not over-allocated')
    assert.deepEqual(changes.leavingOver, [])
    assert.equal(changes.complete, false)
  })
})
