'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react'

type Panel = 'menu' | 'account'

const buttonClass = 'inline-flex h-10 items-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 aria-expanded:bg-indigo-50 aria-expanded:text-indigo-800 md:hidden'

function initialsOf(name: string): string {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word[0]).join('').toUpperCase()
}

/**
 * The app's frame: a sidebar from 768 px up; on a phone a one-line bar (brand, the account, "Menu")
 * whose buttons open the navigation or the account's links below it. Opening one moves focus into
 * it; Escape closes it and returns focus to its button; following a link closes it.
 * `accountName` is the signed-in person (signed out, `account` is shown as it is).
 */
export function AppHeader({ nav, account, accountName }: { nav: ReactNode; account: ReactNode; accountName?: string }) {
  const pathname = usePathname()
  const [open, setOpen] = useState<Panel | null>(null)
  const [shownPath, setShownPath] = useState(pathname)
  if (shownPath !== pathname) {
    setShownPath(pathname)
    setOpen(null)
  }
  const menuButton = useRef<HTMLButtonElement>(null)
  const accountButton = useRef<HTMLButtonElement>(null)
  const menuPanel = useRef<HTMLDivElement>(null)
  const accountPanel = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const panel = open === 'menu' ? menuPanel.current : open === 'account' ? accountPanel.current : null
    panel?.querySelector<HTMLElement>('a[href], button')?.focus()
  }, [open])

  function toggle(panel: Panel) {
    setOpen((current) => (current === panel ? null : panel))
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return
    event.preventDefault()
    const button = open === 'menu' ? menuButton : accountButton
    button.current?.focus()
    setOpen(null)
  }

  // A link to the page already shown changes no path: close on the click itself.
  function closeOnLink(event: MouseEvent) {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(null)
  }

  const shown = (panel: Panel) => (open === panel ? 'block' : 'hidden')
  return (
    <header onKeyDown={onKeyDown} className="border-b border-slate-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r">
      <div className="md:sticky md:top-0 md:max-h-screen md:overflow-y-auto md:px-4 md:py-3">
        <div className="flex h-14 items-center gap-2 px-4 md:mb-4 md:block md:h-auto md:px-0">
          <Link href="/" className="mr-auto block text-lg font-semibold tracking-tight text-indigo-700">
            Roster
          </Link>
          {accountName ? (
            <button ref={accountButton} type="button" aria-expanded={open === 'account'} aria-controls="app-account" onClick={() => toggle('account')} className={buttonClass}>
              <span aria-hidden="true">{initialsOf(accountName)}</span>
              <span className="sr-only">Account: {accountName}</span>
            </button>
          ) : (
            <div className="md:hidden">{account}</div>
          )}
          {nav ? (
            <button ref={menuButton} type="button" aria-expanded={open === 'menu'} aria-controls="app-menu" onClick={() => toggle('menu')} className={buttonClass}>
              Menu
            </button>
          ) : null}
        </div>
        {nav ? (
          <div id="app-menu" ref={menuPanel} onClick={closeOnLink} className={`${shown('menu')} border-t border-slate-200 px-4 py-3 md:block md:border-0 md:p-0`}>
            {nav}
          </div>
        ) : null}
        <div id="app-account" ref={accountPanel} onClick={closeOnLink} className={`${accountName ? shown('account') : 'hidden'} px-4 pb-3 md:block md:p-0`}>
          {account}
        </div>
      </div>
    </header>
  )
}
