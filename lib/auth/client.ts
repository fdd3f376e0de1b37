'use client'

import { createAuthClient } from 'better-auth/react'

// The browser's side of better-auth (sign-in, sign-out). Same origin, so no base URL.
export const authClient = createAuthClient()
