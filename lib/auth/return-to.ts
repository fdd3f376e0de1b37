/** Where to go after signing in: a path on this site only, never another origin (open redirect). */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return '/'
  return value
}
