import { readFileSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'

// Calls a server action the way a forger would: straight to the server with the action's id (from
// the build's manifest) and arguments of their choosing, not through the page's form.

interface ManifestEntry {
  exportedName: string
  workers: Record<string, unknown>
}

export interface ServerAction {
  id: string
  name: string
  /** A page that serves the action (Next routes an action call through a page that imports it). */
  path: string
}

/** Every server action of the build, by exported name; `ids` fill the page paths' [params]. */
export function serverActions(ids: Record<string, string>): Map<string, ServerAction> {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as { node: Record<string, ManifestEntry> }
  const actions = new Map<string, ServerAction>()
  for (const [id, entry] of Object.entries(manifest.node)) {
    const worker = Object.keys(entry.workers)[0]
    const path = worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace(/\[(\w+)\]/g, (_, param: string) => ids[param] ?? 'unknown')
    actions.set(entry.exportedName, { id, name: entry.exportedName, path: path || '/' })
  }
  return actions
}

export interface ActionOutcome {
  status: number
  /** What the action answered: 'success', 'error', 'created', or 'redirect'. */
  state?: string
  /** An error's code, such as 'forbidden:role'. */
  code?: string
  redirect?: string
  text: string
}

/** Posts a server-action call with JSON-encoded arguments, as React's client would for plain values. */
export async function callAction(request: APIRequestContext, action: ServerAction, args: unknown[], headers: Record<string, string> = {}): Promise<ActionOutcome> {
  const response = await request.post(action.path, {
    headers: { 'next-action': action.id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', ...headers },
    data: JSON.stringify(args),
    maxRedirects: 0,
  })
  const text = await response.text()
  const redirect = response.headers()['x-action-redirect']
  const state = redirect ? 'redirect' : /"status":"(success|error|created)"/.exec(text)?.[1] ?? (/"technology":\{/.test(text) ? 'success' : undefined)
  const code = /"code":"([a-z_]+:[^"]*)"/.exec(text)?.[1]
  return { status: response.status(), state, code, redirect, text }
}
