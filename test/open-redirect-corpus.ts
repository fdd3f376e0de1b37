// Known open-redirect payloads (PortSwigger's URL validation bypass cheat sheet, OWASP's unvalidated
// redirects cheat sheet, and the ones found in Roster's own review), as the value of ?next= before
// URL encoding. Each must keep the browser on Roster's origin. Shared by test/return-to.test.ts and
// e2e/open-redirect.spec.ts.

const hosts = ['evil.example', 'evil.example:443', '127.0.0.1.evil.example']

const templates = [
  '//HOST',
  '//HOST/',
  '///HOST',
  '////HOST',
  '/\\HOST',
  '\\\\HOST',
  '/\\/HOST',
  '\\/HOST',
  '/\t/HOST/',
  '/\n/HOST',
  '/\r/HOST',
  '/\t\\HOST',
  '\t//HOST',
  ' //HOST',
  '/%09/HOST/',
  '/%0a/HOST',
  '/%0d/HOST',
  '/%2f%2fHOST',
  '/%2F/HOST',
  '/%5cHOST',
  '/%5c%5cHOST',
  '/%252f%252fHOST',
  '//%09HOST',
  '/%20/HOST',
  'https://HOST',
  'https:HOST',
  'https:/HOST',
  'http://HOST/%2e%2e',
  '//HOST@roster.example',
  '/@HOST',
  'https://roster.example@HOST',
  '//roster.example%40HOST',
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/\u0000//HOST',
  '/\u0007/HOST',
  '/\u007f/HOST',
  '/\u3002HOST',
  '//HOST\u3002',
  '/.//HOST',
  '/..//HOST',
  '/./\\HOST',
  '//\u200bHOST',
  '/\u2215\u2215HOST',
  '/\uff0f\uff0fHOST',
  'x'.repeat(600),
]

export const openRedirectCorpus: string[] = [...new Set(hosts.flatMap((host) => templates.map((template) => template.replaceAll('HOST', host))))]

/** Return addresses that are Roster's own paths and must survive unchanged. */
export const ownPaths = ['/', '/clients', '/clients/c00000000001', '/planner?practice=Data&freeWeeks=4', '/technologies/t1?order=free#people', '/me', '/sign-in?q=a%20b']
