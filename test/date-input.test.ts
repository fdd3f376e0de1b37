import { test } from 'node:test'
import assert from 'node:assert/strict'
import { numericExample, numericOrder, parseDateInput } from '../components/ui/date-input'
import { formatDate } from '../lib/format'

const iso = (text: string, locale?: string) => {
  const parsed = parseDateInput(text, locale)
  assert.ok(parsed.ok, `${text} (${locale ?? 'default'}) should read as a date: ${parsed.ok ? '' : parsed.message}`)
  return parsed.iso
}
const refusal = (text: string, locale?: string) => {
  const parsed = parseDateInput(text, locale)
  assert.equal(parsed.ok, false, `${text} should not read as a date`)
  return parsed.ok ? '' : parsed.message
}

test('a date written as the pages write it reads back as its ISO date', () => {
  assert.equal(iso('22 Mar 2026'), '2026-03-22')
  assert.equal(iso('22 March 2026'), '2026-03-22')
  assert.equal(iso('3 Sept 2026'), '2026-09-03')
  assert.equal(iso('3 sep 2026'), '2026-09-03')
  assert.equal(iso('  1 jan 2027 '), '2027-01-01')
  assert.equal(iso('Mar 22, 2026'), '2026-03-22')
  assert.equal(iso('Sunday 22 March 2026'), '2026-03-22')
  assert.equal(iso('22nd March 2026'), '2026-03-22')
})

test('an ISO date reads as itself in every locale', () => {
  for (const locale of ['en-GB', 'en-US', 'de', 'ja']) assert.equal(iso('2026-03-22', locale), '2026-03-22')
  assert.equal(iso('2026-3-2'), '2026-03-02')
  assert.equal(iso('2026/03/22', 'en-US'), '2026-03-22')
})

test('numeric dates follow the order of the browser language', () => {
  assert.deepEqual(numericOrder('en-GB'), ['day', 'month', 'year'])
  assert.deepEqual(numericOrder('en-US'), ['month', 'day', 'year'])
  assert.equal(iso('22/03/2026', 'en-GB'), '2026-03-22')
  assert.equal(iso('03/22/2026', 'en-US'), '2026-03-22')
  assert.equal(iso('22.03.2026', 'de'), '2026-03-22')
  assert.equal(iso('22.3.26', 'de'), '2026-03-22')
  assert.equal(iso('02/03/2026', 'en-GB'), '2026-03-02')
  assert.equal(iso('02/03/2026', 'en-US'), '2026-02-03')
  assert.equal(iso('22-03-2026', 'nl'), '2026-03-22')
  // 22 is no month: in en-US order this is refused rather than guessed.
  assert.match(refusal('22/03/2026', 'en-US'), /no month 22/)
})

test('dates that do not exist are refused with what is wrong', () => {
  assert.equal(refusal('31 Feb 2026'), 'February 2026 has 28 days.')
  assert.equal(refusal('2026-02-29'), 'February 2026 has 28 days.')
  assert.equal(iso('29 Feb 2028'), '2028-02-29')
  assert.equal(refusal('2100-02-29'), 'February 2100 has 28 days.')
  assert.equal(iso('2000-02-29'), '2000-02-29')
  assert.equal(refusal('31/04/2026', 'en-GB'), 'April 2026 has 30 days.')
  assert.equal(refusal('0 Mar 2026'), 'March 2026 has 31 days.')
  assert.match(refusal('2026-13-01'), /There is no month 13/)
})

test('text that is no date is refused with an example in the reader’s own order', () => {
  assert.equal(refusal('next tuesday', 'en-GB'), '“next tuesday” is not a date we can read. Enter a date such as 22 Mar 2026 or 22/03/2026.')
  assert.match(refusal('soon', 'en-US'), /22 Mar 2026 or 03\/22\/2026\.$/)
  assert.match(refusal('soon', 'de'), /22 Mar 2026 or 22\.03\.2026\.$/)
  assert.equal(numericExample('de'), '22.03.2026')
  for (const text of ['22 Mar', 'Mar 2026', '22 Mar 26', '22 Ma 2026', '22 Mar Apr 2026', '22/03', '1/2/3/4', '123/03/2026', '2026-03-22T10:00']) refusal(text)
})

test('a blank field is an empty date, not an error', () => {
  assert.deepEqual(parseDateInput(''), { ok: true, iso: '' })
  assert.deepEqual(parseDateInput('   '), { ok: true, iso: '' })
})

test('every day of three years survives formatDate and back', () => {
  const day = new Date(Date.UTC(2026, 0, 1))
  for (let count = 0; count < 3 * 366; count++) {
    const date = day.toISOString().slice(0, 10)
    assert.equal(iso(formatDate(date)), date)
    day.setUTCDate(day.getUTCDate() + 1)
  }
})
