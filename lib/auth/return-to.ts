// Where to go after signing in: a path on Roster's own origin, never another site (an open redirect).
// The value is read the way a browser reads a Location header or location.assign(): tabs and newlines
// dropped, backslashes taken as slashes, then resolved against Roster's own origin by the URL parser.
// Whatever does not land on that origin falls back to '/'. The sign-in page (server) and the sign-in
// form (browser) both use this function.

const ORIGIN = 'https://roster.invalid'
const MAX_LENGTH = 500
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f]/

export function safeReturnTo(value: string | undefined | null): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return '/'
  // Other control characters (and the DEL) are refused outright: they cannot go in a Location header.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return '/'
  // The URL parser strips tabs and newlines anywhere and treats \ as / in special schemes, as browsers do.
  if (!value.replace(/[\t\n\r]/g, '').startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(value, ORIGIN)
  } catch {
    return '/'
  }
  if (url.origin !== ORIGIN || url.username || url.password) return '/'
  const path = `${url.pathname}${url.search}${url.hash}`
  // Percent-encoding is undone once more, as a second hop (a proxy, a framework) might: a path that then
  // reads as another host (//host, /\host, /<tab>/host) or carries a control character is refused too.
  const decoded = decodedOnce(path).replace(/[\t\n\r]/g, '').replace(/\\/g, '/')
  if (!path.startsWith('/') || decoded.startsWith('//') || controlCharacter.test(decoded)) return '/'
  return path
}

function decodedOnce(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
