import type { ReactNode } from 'react'

const tones = {
  neutral: 'bg-slate-100 text-slate-800',
  green: 'bg-emerald-100 text-emerald-900',
  amber: 'bg-amber-100 text-amber-900',
  blue: 'bg-sky-100 text-sky-900',
  red: 'bg-red-100 text-red-900',
  indigo: 'bg-indigo-100 text-indigo-900',
}

export function Badge({ tone = 'neutral', children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>
}

const statusTones: Record<string, keyof typeof tones> = {
  active: 'green',
  proposed: 'blue',
  'on-hold': 'amber',
  completed: 'neutral',
  archived: 'neutral',
  tentative: 'amber',
  confirmed: 'green',
}

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={statusTones[status] ?? 'neutral'}>{status === 'on-hold' ? 'On hold' : status[0].toUpperCase() + status.slice(1)}</Badge>
}
