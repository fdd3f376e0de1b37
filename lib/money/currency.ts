// One currency per firm, set where the firm is deployed (ROSTER_CURRENCY, an ISO 4217 code; EUR when
// unset): every amount Roster stores is in its minor units, so changing it later re-labels, never converts.

export const currencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CAD', 'AUD'] as const
export type Currency = (typeof currencies)[number]

export function firmCurrency(env: Record<string, string | undefined> = process.env): Currency {
  const configured = env.ROSTER_CURRENCY?.trim().toUpperCase()
  return currencies.find((currency) => currency === configured) ?? 'EUR'
}

const formats = new Map<string, Intl.NumberFormat>()

/** An amount in minor units as people read it ("€12,500.00"); every currency listed has two decimals. */
export function formatMoney(minor: number, currency: string): string {
  let format = formats.get(currency)
  if (!format) formats.set(currency, (format = new Intl.NumberFormat('en-GB', { style: 'currency', currency })))
  return format.format(minor / 100)
}

/** A rate in minor units per hour ("€95.00/h"). */
export const formatRate = (minor: number, currency: string) => `${formatMoney(minor, currency)}/h`
