import { isIP } from 'node:net'
import type { AuthConfig } from './config'

// Which address a request comes from, for the rate limits. The socket's peer is the only address no
// client chooses; behind load balancers it is the nearest balancer, and each trusted balancer appends
// the address it was reached from to X-Forwarded-For. So, with N trusted hops, the client is the Nth
// address from the right-hand end of [...X-Forwarded-For, peer]: whatever a client wrote further left
// is ignored (OWASP; AWS ALB and most proxies append). Without trusted hops, the peer alone counts.

/** Set by scripts/peer-address.mjs (loaded into the server process by npm start) from the socket. */
export const PEER_ADDRESS_HEADER = 'x-roster-peer-address'
/** Set by proxy.ts on every request it passes on (any value a client sent is replaced). */
export const CLIENT_ADDRESS_HEADER = 'x-roster-client-address'

const peerAddressKnown = () => (globalThis as Record<symbol, unknown>)[Symbol.for('roster.peerAddress')] === true

/** An address as a proxy writes it: "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443", "2001:db8::1". */
export function normalizeAddress(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined
  let value = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  else if (/^[\d.]+:\d+$/.test(value)) value = value.split(':')[0]
  if (value.toLowerCase().startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7)
  return isIP(value) ? value.toLowerCase() : undefined
}

export function resolveClientAddress(input: { forwardedFor?: string | null; peer?: string | null; trustedHops: number }): string | undefined {
  const peer = normalizeAddress(input.peer)
  if (input.trustedHops <= 0) return peer
  const chain = [...(input.forwardedFor ?? '').split(','), ...(input.peer ? [input.peer] : [])].map((entry) => entry.trim()).filter(Boolean)
  if (chain.length === 0) return undefined
  // Fewer entries than hops: the request did not pass every balancer; its leftmost entry is the best guess.
  const index = Math.max(0, chain.length - 1 - input.trustedHops)
  // An entry that is not an address is charged to the hop that wrote it, to its right.
  for (let i = index; i < chain.length; i++) {
    const address = normalizeAddress(chain[i])
    if (address) return address
  }
  return undefined
}

/** The client's address for a request reaching proxy.ts. */
export function clientAddressOf(headers: Headers, config: AuthConfig): string | undefined {
  let peer = headers.get(PEER_ADDRESS_HEADER)
  let forwardedFor = config.trustedHops > 0 ? headers.get(config.clientIpHeader) : undefined
  if (!peerAddressKnown()) {
    // Without scripts/peer-address.mjs (next start run by hand), the nearest thing to the peer is the
    // last X-Forwarded-For entry: Next puts the socket's address there when the client sent none.
    const nextForwarded = (headers.get('x-forwarded-for') ?? '').split(',')
    peer = nextForwarded.pop() ?? null
    if (config.clientIpHeader === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? undefined : nextForwarded.join(',')
  }
  return resolveClientAddress({ forwardedFor, peer, trustedHops: config.trustedHops })
}
