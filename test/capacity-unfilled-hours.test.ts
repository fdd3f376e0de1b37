import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CapacityView, CapacityWeek } from '../lib/digests/capacity-figures'
import { firmWeekHours, practiceWeekHours, withUnfilledAtPracticeHours } from '../lib/capacity/unfilled-hours'

const week = (weekStart: string, figures: Partial<CapacityWeek> = {}): CapacityWeek => ({
  weekStart, capacity: 0, confirmed: 0, tentative: 0, unfilled: 0, unfilledTentative: 0, billable: 0, billableTentative: 0, ...figures,
})
const WEEKS = ['2027-03-01', '2027-03-08']

describe('unfilled roles on /capacity', () => {
  it('count at the weekly hours of the practice that would fill them, from its fullest week (time off lowers the others)', () => {
    // Two people at 32 h and 40 h: 72 h, less a day off in the first week.
    const data = { key: 'data', name: 'Data', people: 2, weeks: [week(WEEKS[0], { capacity: 64, unfilled: 40 }), week(WEEKS[1], { capacity: 72, unfilled: 20, unfilledTentative: 40 })] }
    assert.equal(practiceWeekHours(data), 36)
    const view: CapacityView = { weeks: WEEKS, practices: [data], roles: {}, missing: 0 }
    const shown = withUnfilledAtPracticeHours(view)
    assert.equal(shown.practices[0].roleWeekHours, 36)
    // The digests count a full-time role as 40 h: at 36 h a week it is 36 h, a half-time one 18 h.
    assert.deepEqual(shown.practices[0].weeks.map((w) => [w.unfilled, w.unfilledTentative]), [[36, 0], [18, 36]])
    assert.deepEqual(shown.practices[0].weeks.map((w) => w.capacity), [64, 72], 'capacity stays as it is')
  })

  it('a practice with nobody in it counts the firm’s typical week; an empty firm the standard 40 hours', () => {
    const backend = { key: 'backend', name: 'Backend', people: 3, weeks: [week(WEEKS[0], { capacity: 96 }), week(WEEKS[1], { capacity: 96 })] }
    const design = { key: 'design', name: 'Design', people: 1, weeks: [week(WEEKS[0], { capacity: 40 }), week(WEEKS[1], { capacity: 40 })] }
    const newPractice = { key: 'ml', name: 'ML', people: 0, weeks: [week(WEEKS[0], { unfilled: 40 }), week(WEEKS[1])] }
    assert.equal(firmWeekHours([backend, design, newPractice]), 34, '(96 + 40) / 4 people')
    const shown = withUnfilledAtPracticeHours({ weeks: WEEKS, practices: [backend, design, newPractice], roles: {}, missing: 0 })
    assert.equal(shown.firmWeekHours, 34)
    assert.deepEqual(shown.practices.map((p) => p.roleWeekHours), [32, 40, 34])
    assert.equal(shown.practices[2].weeks[0].unfilled, 34)
    assert.equal(firmWeekHours([newPractice]), 40)
  })
})
