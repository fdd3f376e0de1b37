import { currentActor } from '@/lib/auth/session'
import type { RequestRecording } from '@/lib/recording'
import { keepRecording } from '@/lib/recording-store'
import { UnderTheHoodPanel } from './under-the-hood-panel'

/**
 * The page footer's "Under the hood" toggle. The page's recording stays on the server; the panel
 * fetches it when opened, so a closed panel adds nothing to the page.
 */
export async function UnderTheHood({ recording }: { recording: RequestRecording }) {
  const actor = await currentActor()
  return <UnderTheHoodPanel recordingId={keepRecording(recording, actor?.userId ?? 'anonymous')} />
}
