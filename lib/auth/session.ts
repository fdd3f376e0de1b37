import { headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { isAppError } from '../errors'
import { actorFromHeaders } from './actor'
import { can, type Actor } from '../authorization'

// The acting user of the current page, action or route (Next's request scope). Resolved once per
// request; with better-auth's cookie cache most requests resolve it without reading the table.

export const currentActor = cache(async (): Promise<Actor | null> => {
  try {
    return await actorFromHeaders(await headers())
  } catch (error) {
    // A page request with a bad token is simply not signed in; route handlers answer 401 themselves.
    if (isAppError(error) && error.kind === 'unauthenticated') return null
    throw error
  }
})

/** The header in which proxy.ts passes the page's path (and query) on, for the way back after sign-in. */
export const PATH_HEADER = 'x-roster-path'

/** The signed-in user of a page; anyone else is sent to the sign-in page, and back here afterwards. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) {
    const returnTo = (await headers()).get(PATH_HEADER) ?? '/'
    redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`)
  }
  return actor
}

/** A page only managers use (the forms for new and edited records): anyone else gets a 403 page. */
export async function requireManager(): Promise<Actor> {
  const actor = await requireActor()
  if (!can(actor, 'manage')) forbidden()
  return actor
}
