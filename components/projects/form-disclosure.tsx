'use client'

import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

/**
 * A form kept out of the way until asked for: a button that says what it opens (aria-expanded),
 * and the form below it. Opening moves focus to the form's first field; closing (the same button)
 * leaves focus on the button. The form stays mounted while closed, so what was typed survives a
 * close and its ids stay unique on the page.
 */
export function FormDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const [opened, setOpened] = useState(false)
  const panelId = useId()
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Only after the user opened it, never on the first render.
    if (open && opened) panel.current?.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, button')?.focus()
  }, [open, opened])
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open)
          setOpened(true)
        }}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        <span aria-hidden="true" className={`inline-block transition-transform ${open ? 'rotate-90' : ''}`}>▸</span>
        {label}
      </button>
      <div id={panelId} ref={panel} hidden={!open} className="mt-4">
        {children}
      </div>
    </div>
  )
}
