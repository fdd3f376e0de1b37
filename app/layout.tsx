import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { AppNav } from '@/components/layout/app-nav'
import { can } from '@/lib/authorization'
import { UserMenu } from '@/components/auth/user-menu'
import { currentActor } from '@/lib/auth/session'
import { Providers } from './providers'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Roster', template: '%s · Roster' },
  description: 'Clients, projects, staffing and tech stacks for a software consultancy.',
}

// Every screen reads the table at request time; nothing is prerendered at build time.
export const dynamic = 'force-dynamic'

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor()
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <div className="md:flex">
          <header className="border-b border-slate-200 bg-white px-4 py-3 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-b-0 md:border-r">
            <Link href="/" className="mb-4 block text-lg font-semibold tracking-tight text-indigo-700">
              Roster
            </Link>
            {actor ? <AppNav finance={can(actor, 'see-money')} /> : null}
            <UserMenu actor={actor} />
          </header>
          <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
            <Providers>{children}</Providers>
          </main>
        </div>
      </body>
    </html>
  )
}
