import { byMostFree, byMostOver, type BenchEntry, type OverEntry } from '../digests/overview'

// What changes on the home page from this week to next, from the two weeks' digest summaries of each
// shard of the people (lib/digests/overview.ts). A summary lists only the first of its people, so a
// person missing from one week's list is known to be off that list only when the list is complete
// (its count is the number listed), or when their own entry says so: a person on the bench whose next
// booking starts by next Friday leaves it, and one whose last booking ended this week joins it.

type Listed<E> = E & { id: string }

/** One shard's summary of one week: counts and the first people of each list. */
export interface WeekPart {
  benchCount: number
  bench: Listed<BenchEntry>[]
  overCount: number
  over: Listed<OverEntry>[]
}

export interface WeekChanges {
  /** On the bench next week and not this week, the most free first. */
  joiningBench: Listed<BenchEntry>[]
  /** On the bench this week and not next week, the soonest booked first. */
  leavingBench: Listed<BenchEntry>[]
  /** Over-allocated next week and not this week, the most over first (their allocation next week). */
  becomingOver: Listed<OverEntry>[]
  /** Over-allocated this week and not next week, the most over first (their allocation this week). */
  leavingOver: Listed<OverEntry>[]
  /** False when some list was cut short, so some changes may be missing. */
  complete: boolean
}

const DAY = 86_400_000
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const empty: WeekPart = { benchCount: 0, bench: [], overCount: 0, over: [] }

/** Changes from the week of `thisWeek` to the week of `nextWeek`, shard by shard (the same shard at the same index of both). */
export function weekChanges(thisParts: (WeekPart | undefined)[], nextParts: (WeekPart | undefined)[], thisWeek: string, nextWeek: string): WeekChanges {
  const changes: WeekChanges = { joiningBench: [], leavingBench: [], becomingOver: [], leavingOver: [], complete: true }
  const nextFriday = shift(nextWeek, 4)
  for (let shard = 0; shard < Math.max(thisParts.length, nextParts.length); shard++) {
    const now = thisParts[shard] ?? empty
    const next = nextParts[shard] ?? empty
    const complete = { nowBench: now.benchCount <= now.bench.length, nextBench: next.benchCount <= next.bench.length, nowOver: now.overCount <= now.over.length, nextOver: next.overCount <= next.over.length }
    if (!Object.values(complete).every(Boolean)) changes.complete = false
    const ids = (list: { id: string }[]) => new Set(list.map((entry) => entry.id))
    const [benchNow, benchNext, overNow, overNext] = [ids(now.bench), ids(next.bench), ids(now.over), ids(next.over)]
    changes.joiningBench.push(...next.bench.filter((entry) => !benchNow.has(entry.id) && (complete.nowBench || entry.f > thisWeek)))
    changes.leavingBench.push(...now.bench.filter((entry) => !benchNext.has(entry.id) && (complete.nextBench || (entry.u !== '' && entry.u < nextFriday))))
    changes.becomingOver.push(...next.over.filter((entry) => !overNow.has(entry.id) && complete.nowOver))
    changes.leavingOver.push(...now.over.filter((entry) => !overNext.has(entry.id) && complete.nextOver))
  }
  changes.joiningBench.sort(byMostFree)
  changes.leavingBench.sort((a, b) => (a.u || '9999').localeCompare(b.u || '9999') || a.n.localeCompare(b.n) || a.id.localeCompare(b.id))
  changes.becomingOver.sort(byMostOver)
  changes.leavingOver.sort(byMostOver)
  return changes
}
