'use client'

import { useRouter } from 'next/navigation'
import { startTransition, useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'

// A page whose data could not be read: most often the database was busy or slow for a moment (the
// server has already retried). Server errors reach the browser without their message, so the page
// says what usually helps, and "Try again" reads the page afresh from the server.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [error])
  return (
    <div role="alert" className="mx-auto max-w-md py-16 text-center">
      <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-slate-600">The database may be busy for a moment. Try again in a few seconds.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">Reference: {error.digest}</p> : null}
      <p className="mt-4">
        <Button onClick={() => startTransition(() => { router.refresh(); reset() })}>Try again</Button>
      </p>
    </div>
  )
}
