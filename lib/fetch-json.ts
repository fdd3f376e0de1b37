/** Fetches JSON from one of the app's route handlers; a failure throws the handler's own message. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error((await response.json().catch(() => null))?.error?.message ?? `Request failed (${response.status})`)
  return response.json()
}
