// Next.js calls register() once per server process: the job sweep runs in the background there, so
// work a crashed request left halfway is finished without waiting for a restart.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { startJobSweeper } = await import('./job-registry')
  startJobSweeper()
}
