// Node outside Next (the tests, the scripts, the benchmark, Playwright's workers) bundles nothing for
// a browser, so `server-only`, which keeps the table's modules out of client bundles, has nothing to
// guard there: it resolves to the package's empty module, as Next resolves it on the server.
import { register } from 'node:module'

register('data:text/javascript,' + encodeURIComponent(`
const empty = ${JSON.stringify(new URL('../node_modules/server-only/empty.js', import.meta.url).href)}
export async function resolve(specifier, context, nextResolve) {
  return specifier === 'server-only' ? { url: empty, shortCircuit: true } : nextResolve(specifier, context)
}`))
