import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { rankCandidates, type CandidateInput } from '../lib/staffing/candidates'
import type { Booking } from '../lib/dto'

const booking = (start: string, end: string | null, allocation: number, tentative = false): Booking => ({ assignmentId: `${start}-${allocation}`, clientId: 'c', projectId: `p-${start}`, start, end, allocation, tentative })
const stack = [
  { technologyId: 'typescript', technologyName: 'TypeScript' },
  { technologyId: 'react', technologyName: 'React' },
]
const need = { start: '2026-12-07', end: '2027-01-29', allocation: 60, stack, today: '2026-11-26' }

describe('ranking people for an assignment', () => {
  it('gives each person’s least and average free capacity over the dates, and their levels in the stack', () => {
    // 50% booked in the first two weeks of the eight, free after.
    const [ranked] = rankCandidates([{ id: 'e1', name: 'Ada', bookings: [booking('2026-12-07', '2026-12-18', 50)], skillLevels: { typescript: 4 } }], need)
    assert.equal(ranked.freeMin, 50)
    assert.equal(ranked.freeAverage, Math.round((50 * 2 + 100 * 6) / 8))
    assert.equal(ranked.fits, false)
    assert.deepEqual(ranked.levels.map((l) => [l.technologyName, l.level]), [['TypeScript', 4], ['React', 0]])
  })

  it('puts people with room first, then the stronger skill match, then the freer', () => {
    const people: CandidateInput[] = [
      { id: 'busy-expert', name: 'Busy Expert', bookings: [booking('2026-11-01', null, 80)], skillLevels: { typescript: 5, react: 5 } },
      { id: 'free-novice', name: 'Free Novice', bookings: [], skillLevels: { typescript: 1 } },
      { id: 'free-expert', name: 'Free Expert', bookings: [booking('2026-12-07', '2026-12-11', 40)], skillLevels: { typescript: 4, react: 3 } },
      { id: 'free-none', name: 'Free None', bookings: [], skillLevels: {} },
    ]
    assert.deepEqual(rankCandidates(people, need).map((r) => r.candidate.id), ['free-expert', 'free-novice', 'free-none', 'busy-expert'])
  })

  it('checks an open-ended assignment for twelve weeks, and only from this week on', () => {
    const past = booking('2026-10-01', '2026-11-20', 100)
    const [ranked] = rankCandidates([{ id: 'e1', name: 'Ada', bookings: [past, booking('2027-03-01', null, 100)], skillLevels: {} }], { ...need, start: '2026-10-05', end: null })
    // Twelve weeks from 5 Oct end in mid-December: the booking from March is outside, the past one ignored.
    assert.equal(ranked.freeMin, 100)
    assert.equal(ranked.fits, true)
  })
})
