import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseSuggestionOrder, rankSuggestions, type RoleNeed, type SuggestionCandidate } from '../lib/roles/ranking'
import { fitText, formatWeek } from '../lib/roles/format'

// The suggestions' order, from hand-built candidates: no database, so each case is exactly what it says.

const today = '2026-12-02'
const need: RoleNeed = {
  practice: 'Frontend',
  allocation: 100,
  startDate: '2026-12-07',
  endDate: '2027-01-29',
  requirements: [{ technologyId: 'go', technologyName: 'Go', minLevel: 3 }],
}

function candidate(name: string, level: number, booked = 0, practice = 'Frontend'): SuggestionCandidate {
  return {
    id: name.toLowerCase().replaceAll(' ', '-'),
    name,
    practice,
    title: 'Engineer',
    levels: level ? { go: level } : {},
    bookings: booked ? [{ assignmentId: 'a1', clientId: 'c1', projectId: 'elsewhere', start: '2026-11-02', end: '2027-03-26', allocation: booked, tentative: false }] : [],
    timeOff: [],
  }
}

const busyPerfect = candidate('Busy Perfect', 5, 95)
const freeLower = candidate('Free Lower', 1)
const freeMatch = candidate('Free Match', 3, 0, 'Data')
const busyLower = candidate('Busy Lower', 2, 95)
const everyone = [busyPerfect, busyLower, freeLower, freeMatch]

describe('suggestion order', () => {
  it('by default, who meets every level and has the time comes first, then who has one of the two, then the rest', () => {
    const ranked = rankSuggestions(everyone, need, today)
    assert.deepEqual(ranked.map((s) => s.name), ['Free Match', 'Free Lower', 'Busy Perfect', 'Busy Lower'])
    const byName = Object.fromEntries(ranked.map((s) => [s.name, s]))
    assert.ok(byName['Free Lower'].score > byName['Busy Perfect'].score, 'within the middle tier, the higher score first')
    assert.deepEqual(byName['Busy Perfect'].weeks.map((w) => w.free), Array(8).fill(5), '95% booked in each of the role’s 8 weeks')
    assert.equal(byName['Busy Perfect'].pushedOver, 8)
  })

  it('skills first: meeting every level outranks availability, whatever the score', () => {
    const ranked = rankSuggestions(everyone, need, today, 'skills')
    assert.deepEqual(ranked.map((s) => s.name), ['Free Match', 'Busy Perfect', 'Free Lower', 'Busy Lower'])
  })

  it('the reason is in words: the levels met or missed, and the time free or the first week it runs out', () => {
    const reasons = Object.fromEntries(rankSuggestions(everyone, need, today).map((s) => [s.name, fitText(s)]))
    assert.deepEqual(reasons, {
      'Free Match': 'Meets every level · has the time',
      'Free Lower': 'Has the time · Go 2 below the minimum level',
      'Busy Perfect': 'Meets every level · would be over-allocated from 7 Dec 2026',
      'Busy Lower': 'Go 1 below the minimum level · would be over-allocated from 7 Dec 2026',
    })
    const unknown = rankSuggestions([candidate('No Go', 0)], need, today)[0]
    assert.equal(fitText(unknown), 'Has the time · no Go at 3+')
  })

  it('the time runs out from the first week without the allocation free, not from the start', () => {
    const later = { ...candidate('Later Busy', 4), bookings: [{ assignmentId: 'a2', clientId: 'c1', projectId: 'elsewhere', start: '2027-01-04', end: '2027-01-15', allocation: 50, tentative: false }] }
    const [ranked] = rankSuggestions([later], need, today)
    assert.equal(ranked.fits, false)
    assert.equal(ranked.shortFrom, '2027-01-04')
    assert.equal(fitText(ranked), 'Meets every level · would be over-allocated from 4 Jan 2027')
  })

  it('within a tier, equal scores go to whoever has more time free', () => {
    const half = { ...need, allocation: 50 }
    const ranked = rankSuggestions([candidate('Mostly Free', 4, 40), candidate('All Free', 4)], half, today)
    assert.deepEqual(ranked.map((s) => [s.name, s.score]), [['All Free', ranked[0].score], ['Mostly Free', ranked[0].score]], 'both fit, same score')
  })

  it('an order from the address is "skills" or the default', () => {
    assert.equal(parseSuggestionOrder('skills'), 'skills')
    for (const value of [undefined, '', 'fit', 'SKILLS', ['skills', 'fit'], 'nonsense']) assert.equal(parseSuggestionOrder(value), 'fit')
  })

  it('a chip’s week is written as "7 Dec"', () => {
    assert.equal(formatWeek('2026-12-07'), '7 Dec')
  })
})
