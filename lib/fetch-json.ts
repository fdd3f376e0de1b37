/** Fetches JSON from one of the app's route handlers; a failure throws the handler's own message. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error((await response.json().catch(() => null))?.error?.message ?? `Request failed (${response.status})`)
  return response.json()
}

export type SentJson<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; error: { code: string; message: string; fields?: Record<string, string[]>; current?: Record<string, unknown> } }

/** Sends JSON to one of the app's route handlers; a failure comes back as the handler's error body, not thrown. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: unknown): Promise<SentJson<T>> {
  try {
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const json = await response.json().catch(() => null)
    if (response.ok) return { ok: true, status: response.status, body: json as T }
    return { ok: false, status: response.status, error: json?.error ?? { code: 'unknown', message: `Request failed (${response.status})` } }
  } catch {
    return { ok: false, status: 0, error: { code: 'unavailable:network', message: 'Roster could not be reached. Check the connection and try again.' } }
  }
}
