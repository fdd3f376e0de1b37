import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { AppHeader } from '@/components/layout/app-header'
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
        {/* The sidebar stretches with the page (its background runs the full height); its links stay in view. */}
        <div className="md:flex md:min-h-screen">
          <AppHeader nav={actor ? <AppNav finance={can(actor, 'see-money')} /> : null} account={<UserMenu actor={actor} />} accountName={actor?.name} />
          <main id="main" className="min-w-0 flex-1 px-4 py-4 md:px-8 md:py-6">
            <Providers>{children}</Providers>
          </main>
        </div>
      </body>
    </html>
  )
}
