import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { budgetRunOut, projectFinancials, resolveRate, workFigures, type MoneyWork } from '../lib/money/figures'
import { moneyAmount } from '../lib/validation'

// Hand-worked: every expected figure below is worked out in the comment beside it, not by the code.

const work = (overrides: Partial<MoneyWork & { id: string }> = {}): MoneyWork & { id: string } => ({
  id: 'a1',
  allocation: 50,
  startDate: '2027-01-04', // a Monday
  endDate: '2027-01-15', // the Friday after next: 10 working days
  tentative: false,
  billable: true,
  rate: 10_000, // €100.00 an hour
  cost: 6_000, // €60.00 an hour
  hours: 40,
  off: [],
  ...overrides,
})

describe('money of one assignment, by hand', () => {
  it('two full weeks at 50% of 40 h: 40 h, €4,000 billable, €2,400 cost', () => {
    // 40 h × 50% = 20 h a week; 2 weeks = 40 h; × €100 = €4,000; × €60 = €2,400.
    assert.deepEqual(workFigures(work(), '2027-01-01', '2027-01-31'), { hours: 40, billable: 400_000, cost: 240_000 })
  })

  it('a partial week counts its working days only', () => {
    // Wed 6 Jan to Tue 12 Jan: Wed, Thu, Fri, Mon, Tue = 5 working days (the weekend between counts nothing) = 20 h.
    assert.deepEqual(workFigures(work({ startDate: '2027-01-06', endDate: '2027-01-12' }), '2027-01-01', '2027-01-31'), { hours: 20, billable: 200_000, cost: 120_000 })
    // The period cuts too: only Mon 4 to Wed 6 of the two weeks = 3 days × 4 h = 12 h.
    assert.deepEqual(workFigures(work(), '2027-01-02', '2027-01-06'), { hours: 12, billable: 120_000, cost: 72_000 })
  })

  it('time off takes its days out: 2 days off leave 8 days, 32 h, €3,200', () => {
    assert.deepEqual(workFigures(work({ off: ['2027-01-07|2027-01-08'] }), '2027-01-01', '2027-01-31'), { hours: 32, billable: 320_000, cost: 192_000 })
  })

  it('non-billable work costs but bills nothing', () => {
    assert.deepEqual(workFigures(work({ billable: false, rate: 0 }), '2027-01-01', '2027-01-31'), { hours: 40, billable: 0, cost: 240_000 })
  })

  it('shows hours to a tenth, half up: 5.28 h is 5.3', () => {
    // 40 h × 33% ÷ 5 = 2.64 h a day; two days = 5.28 h.
    assert.equal(workFigures(work({ allocation: 33, endDate: '2027-01-05' }), '2027-01-01', '2027-01-31').hours, 5.3)
  })

  it('a money budget on a non-billable project is spent at cost', () => {
    // 4 h a day × €60 = €240 a day: €1,000 is passed on day 5, Fri 8 Jan.
    const figures = projectFinancials({ pricing: 'non_billable', budgetKind: 'money', budgetAmount: 100_000, startDate: '2027-01-04', endDate: null, work: [work({ billable: false, rate: 0 })] }, '2027-01-01')
    assert.equal(figures.budget?.runsOutOn, '2027-01-08')
    assert.equal(figures.budget?.forecast, 240_000)
  })

  it('rounds once per assignment and period, half up to the cent', () => {
    // 30 h a week at 5% on one day: 30 × 0.05 ÷ 5 = 0.3 h; × 5 cents an hour = 1.5 cents, rounded half up: 2.
    assert.deepEqual(workFigures(work({ hours: 30, allocation: 5, startDate: '2027-01-04', endDate: '2027-01-04', rate: 5, cost: 3 }), '2027-01-04', '2027-01-04'), {
      hours: 0.3,
      billable: 2,
      cost: 1, // 0.9 cents: 1
    })
    // Ten such days are summed before rounding: 3 h × 5 = 15 cents exactly, not 10 × 2 = 20.
    assert.equal(workFigures(work({ hours: 30, allocation: 5, startDate: '2027-01-04', endDate: '2027-01-15', rate: 5 }), '2027-01-01', '2027-01-31').billable, 15)
  })

  it('a rate change mid-assignment is two assignments, each at its rate', () => {
    // The first week at €100 (20 h = €2,000), the second at €120 (20 h = €2,400): €4,400.
    const first = workFigures(work({ endDate: '2027-01-08' }), '2027-01-01', '2027-01-31')
    const second = workFigures(work({ startDate: '2027-01-11', rate: 12_000 }), '2027-01-01', '2027-01-31')
    assert.equal(first.billable + second.billable, 440_000)
  })
})

describe('which rate an assignment charges', () => {
  const cardRates = { developer: { role: 'Developer', rate: 9_000 } }
  const projectRates = { developer: { role: 'developer', rate: 9_500 } }
  it('its own rate, else the project’s for the role, else the firm’s card; none on a non-billable project', () => {
    assert.deepEqual(resolveRate({ billable: true, role: 'Developer', rateOverride: 11_000, projectRates, cardRates }), { rate: 11_000, rateSource: 'assignment' })
    assert.deepEqual(resolveRate({ billable: true, role: ' developer ', projectRates, cardRates }), { rate: 9_500, rateSource: 'project' })
    assert.deepEqual(resolveRate({ billable: true, role: 'DEVELOPER', projectRates: {}, cardRates }), { rate: 9_000, rateSource: 'card' })
    assert.deepEqual(resolveRate({ billable: true, role: 'Architect', projectRates, cardRates }), { rate: 0, rateSource: 'none' })
    assert.deepEqual(resolveRate({ billable: false, role: 'Developer', rateOverride: 11_000, projectRates, cardRates }), { rate: 0, rateSource: 'none' })
  })
})

describe('a project’s financials, by hand', () => {
  it('time and materials: revenue to date and forecast, costs, profit and margin', () => {
    // Today is Fri 8 Jan: the first week is done (20 h), the second to come (20 h).
    const figures = projectFinancials({ pricing: 'time_and_materials', budgetKind: null, budgetAmount: null, startDate: '2027-01-04', endDate: null, work: [work()] }, '2027-01-08')
    assert.equal(figures.forecastUntil, '2027-01-15', 'every assignment ends: the forecast runs to the last end')
    assert.deepEqual(figures.toDate, { hours: 20, billable: 200_000, cost: 120_000 })
    assert.deepEqual(figures.remaining, { hours: 20, billable: 200_000, cost: 120_000 })
    assert.deepEqual(figures.revenue, { toDate: 200_000, forecast: 400_000 })
    assert.equal(figures.profit, 160_000) // €4,000 − €2,400
    assert.equal(figures.margin, 40) // 1,600 ÷ 4,000
  })

  it('fixed price: the fee, the effective rate, and the week the budget runs out', () => {
    // One person, 40 h at 100% for two weeks = 80 h at €150 = €12,000 of work against a €10,000 fee.
    // Day by day 8 h × €150 = €1,200: after Wed 13 Jan (8 days) €9,600, after Thu 14 Jan €10,800: over.
    const figures = projectFinancials(
      { pricing: 'fixed_price', budgetKind: 'money', budgetAmount: 1_000_000, startDate: '2027-01-04', endDate: '2027-01-15', work: [work({ allocation: 100, rate: 15_000 })] },
      '2027-01-04',
    )
    assert.deepEqual(figures.revenue, { toDate: 100_000, forecast: 1_000_000 }) // the fee × 8 h ÷ 80 h so far
    assert.equal(figures.effectiveRate, 12_500) // €10,000 ÷ 80 h = €125 an hour
    assert.equal(figures.forecast.cost, 480_000) // 80 h × €60
    assert.equal(figures.margin, 52) // (10,000 − 4,800) ÷ 10,000
    assert.equal(figures.budget?.runsOutOn, '2027-01-14')
    assert.equal(figures.budget?.runsOutWeek, '2027-01-11')
    assert.equal(figures.budget?.forecast, 1_200_000)
    assert.equal(figures.budget?.remaining, 1_000_000 - 120_000) // one day used
  })

  it('an hours budget runs out on the day its hours pass it; tentative work is counted apart', () => {
    // 4 h a day (50% of 40 h): 30 h pass after the 8th day (32 h), Wed 13 Jan.
    const figures = projectFinancials(
      {
        pricing: 'time_and_materials',
        budgetKind: 'hours',
        budgetAmount: 30,
        startDate: '2027-01-04',
        endDate: '2027-01-15',
        work: [work(), work({ id: 'a2', tentative: true })],
      },
      '2027-01-01',
    )
    assert.equal(figures.budget?.runsOutOn, '2027-01-13')
    assert.equal(figures.forecast.hours, 40)
    assert.equal(figures.tentative.hours, 40)
    assert.equal(budgetRunOut([work()], 'hours', 40, '2027-01-04', '2027-01-15'), null, 'exactly the budget is not over it')
  })
})

describe('amounts as typed', () => {
  it('become integer cents from their digits; bad input is a field error', () => {
    const rate = moneyAmount('Rate', 100_000)
    assert.equal(rate.parse('1,250.5'), 125_050)
    assert.equal(rate.parse('0.07'), 7)
    assert.equal(rate.parse(9_550), 9_550, 'a number is cents already, as the JSON reads answer')
    assert.equal(rate.parse(''), undefined)
    for (const bad of ['-5', '1.005', 'ten', '100000.01', '1e3', -5, 12.5, 10_000_001]) assert.equal(rate.safeParse(bad).success, false, String(bad))
  })
})
