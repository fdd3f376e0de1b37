'use client'

import { useEffect, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { RecordedRequest, RequestRecording } from '@/lib/db/recorder'
import { getJson } from '@/lib/fetch-json'

const STORAGE_KEY = 'roster:under-the-hood'
const keyColumns = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', '_type']

/**
 * The "Under the hood" toggle and panel: the DynamoDB requests that served this page, as the server
 * recorded them while rendering it (lib/recording-store.ts). Opening it fetches that recording from
 * the app, which sends no DynamoDB request for it.
 */
export function UnderTheHoodPanel({ recordingId }: { recordingId: string }) {
  const [open, setOpen] = useState(false)
  useEffect(() => setOpen(localStorage.getItem(STORAGE_KEY) === 'on'), [])
  function toggle() {
    const next = !open
    setOpen(next)
    localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off')
  }
  const recording = useQuery({
    queryKey: ['recording', recordingId],
    queryFn: () => getJson<RequestRecording>(`/api/recordings/${recordingId}`),
    enabled: open,
    staleTime: Infinity,
    retry: false,
  })
  return (
    <footer className="mt-12 border-t border-slate-200 pt-4">
      <button type="button" onClick={toggle} aria-expanded={open} aria-controls="under-the-hood" className="text-sm font-medium text-indigo-700 hover:underline">
        {open ? 'Hide' : 'Show'} under the hood
      </button>
      {open ? (
        <section id="under-the-hood" aria-labelledby="under-the-hood-heading" aria-busy={recording.isPending} className="mt-3 rounded-lg border border-slate-300 bg-slate-900 p-4 text-sm text-slate-100">
          <h2 id="under-the-hood-heading" className="text-base font-semibold">Under the hood</h2>
          {recording.data ? (
            <RecordingDetails recording={recording.data} />
          ) : recording.isError ? (
            <p className="mt-1 text-slate-300" role="alert">{recording.error.message}</p>
          ) : (
            <p className="mt-1 text-slate-300">Loading what this page sent to DynamoDB…</p>
          )}
        </section>
      ) : null}
    </footer>
  )
}

function RecordingDetails({ recording }: { recording: RequestRecording }) {
  const totalCapacity = recording.requests.reduce((sum, request) => sum + (request.consumedCapacity?.total ?? 0), 0)
  return (
    <>
      <p className="mt-1 text-slate-300">
        {recording.accessPattern ? <>Access pattern: <strong className="text-white">{recording.accessPattern}</strong>. </> : null}
        {recording.requests.length} DynamoDB request{recording.requests.length === 1 ? '' : 's'}
        {recording.requests.length ? <>, {round(totalCapacity)} read capacity units</> : null}.
      </p>
      {recording.cachedForMs !== undefined ? (
        <p className="mt-1 text-slate-300">
          Served from this server’s memory: the request below was made {recording.cachedForMs} ms before this page, and no write has been made through this server since. This page made no request of its own.
        </p>
      ) : null}
      {recording.requests.map((request, index) => (
        <RequestDetails key={index} request={request} index={index} />
      ))}
    </>
  )
}

function round(value: number) {
  return Math.round(value * 100) / 100
}

function describeCapacity(request: RecordedRequest) {
  const capacity = request.consumedCapacity
  if (!capacity) return 'not reported'
  const parts = [`${round(capacity.total ?? 0)} total`]
  if (capacity.table !== undefined) parts.push(`table ${round(capacity.table)}`)
  for (const [index, units] of Object.entries(capacity.indexes ?? {})) parts.push(`${index} ${round(units)}`)
  return parts.join(', ')
}

/** The expression with its #name and :value placeholders filled in, as a reader would write it. */
function readable(expression: string, request: RecordedRequest): string {
  return expression
    .replace(/#[A-Za-z0-9_]+/g, (placeholder) => request.names?.[placeholder] ?? placeholder)
    .replace(/:[A-Za-z0-9_]+/g, (placeholder) => (request.values && placeholder in request.values ? JSON.stringify(request.values[placeholder]) : placeholder))
}

/** A row of the details table, only when the request has that part. */
function rowIf(label: string, value: string | undefined): [string, string][] {
  return value ? [[label, value]] : []
}

function RequestDetails({ request, index }: { request: RecordedRequest; index: number }) {
  const columns = keyColumns.filter((column) => request.items.some((item) => item[column] !== undefined))
  const rows: [string, string][] = [
    ['Operation', request.operation],
    ['Table', request.table ?? ''],
    ['Index', request.index ?? '(table)'],
    ...rowIf('Key condition', request.keyCondition && readable(request.keyCondition, request)),
    ...rowIf('Key', request.key && JSON.stringify(request.key)),
    ...rowIf('Filter', request.filter && readable(request.filter, request)),
    ['Items returned', String(request.itemCount)],
    ['More pages', request.hasMorePages ? 'yes (cursor returned)' : 'no'],
    ['Consumed capacity', describeCapacity(request)],
    ['Duration', `${request.durationMs} ms`],
  ]
  return (
    <div className="mt-4 rounded border border-slate-700 p-3">
      <h3 className="font-medium">Request {index + 1}</h3>
      <dl className="mt-2 grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 font-mono text-xs">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-400">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <details className="mt-3">
        <summary className="cursor-pointer text-slate-300">Raw items ({request.items.length})</summary>
        <div className="mt-2 max-h-96 overflow-auto">
          <table className="w-full text-left font-mono text-xs">
            <caption className="sr-only">Items returned by request {index + 1}</caption>
            <thead className="sticky top-0 bg-slate-800">
              <tr>
                {columns.map((column) => <th key={column} scope="col" className="px-2 py-1 font-medium">{column}</th>)}
                <th scope="col" className="px-2 py-1 font-medium">Attributes</th>
              </tr>
            </thead>
            <tbody>
              {request.items.map((item, row) => (
                <tr key={row} className="border-t border-slate-800 align-top">
                  {columns.map((column) => <td key={column} className="whitespace-nowrap px-2 py-1">{item[column] === undefined ? '' : String(item[column])}</td>)}
                  <td className="px-2 py-1 text-slate-300">
                    {JSON.stringify(Object.fromEntries(Object.entries(item).filter(([name]) => !keyColumns.includes(name))))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  )
}
