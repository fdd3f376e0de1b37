'use client'

import { useActionState, useEffect, useRef } from 'react'
import type { ActionState } from '@/lib/action-state'
import { useToast } from './toast'

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>

/**
 * A form bound to a server action: pending state, field errors and the values to show again after a
 * rejection, and a toast (plus `onSuccess`) when it succeeds.
 */
export function useActionForm(action: Action, onSuccess?: () => void) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  const toast = useToast()
  // The latest callback, without re-running the effect when the caller passes a new closure.
  const onSuccessRef = useRef(onSuccess)
  onSuccessRef.current = onSuccess
  useEffect(() => {
    if (state.status !== 'success') return
    toast(state.message)
    onSuccessRef.current?.()
  }, [state, toast])
  return {
    state,
    formAction,
    pending,
    errors: state.status === 'error' ? state.fieldErrors : {},
    values: state.status === 'error' ? state.values : undefined,
    formError: state.status === 'error' ? state.message : undefined,
    /** After a stale save: the record as someone else saved it (its version is what to save against next). */
    current: state.status === 'error' ? state.current : undefined,
  }
}
