'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

const sections = [
  { href: '/', label: 'Overview' },
  { href: '/clients', label: 'Clients' },
  { href: '/employees', label: 'Employees' },
  { href: '/planner', label: 'Planner' },
  { href: '/capacity', label: 'Capacity' },
  { href: '/utilization', label: 'Utilization' },
  { href: '/technologies', label: 'Technologies' },
]

/** `finance`: the signed-in user may see money (managers and admins). */
export function AppNav({ finance = false }: { finance?: boolean }) {
  const pathname = usePathname()
  return (
    <nav aria-label="Main" className="grid grid-cols-2 gap-1 md:flex md:flex-col">
      {[...sections, ...(finance ? [{ href: '/finance', label: 'Finance' }] : [])].map((section) => {
        const active = section.href === '/' ? pathname === '/' : pathname.startsWith(section.href)
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {section.label}
          </Link>
        )
      })}
    </nav>
  )
}
