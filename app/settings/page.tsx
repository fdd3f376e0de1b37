import type { Metadata } from 'next'
import { TokenManager } from '@/components/auth/token-manager'
import { PageHeader } from '@/components/ui/page-header'
import { requireActor } from '@/lib/auth/session'
import { listTokens } from '@/lib/auth/tokens'

export const metadata: Metadata = { title: 'Settings' }

export default async function SettingsPage() {
  const actor = await requireActor()
  const tokens = await listTokens(actor)
  return (
    <>
      <PageHeader
        title="Access tokens"
        description={
          <>
            For scripts: send a token as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>. It acts as you, with the role you have
            now ({actor.role}) or less, until it expires or you revoke it.
          </>
        }
      />
      <TokenManager tokens={tokens} />
    </>
  )
}
