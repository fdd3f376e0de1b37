// Loaded into the Next.js server process by npm start (NODE_OPTIONS=--import). Node announces every
// request on this diagnostics channel before the server's handler runs: the socket's peer address is
// copied into a header that only this code writes (any value a client sent is replaced), and is what
// lib/auth/client-address.ts starts from. Next itself keeps a client's X-Forwarded-For as it came.
import { subscribe } from 'node:diagnostics_channel'

subscribe('http.server.request.start', ({ request, socket }) => {
  request.headers['x-roster-peer-address'] = socket?.remoteAddress ?? ''
})
globalThis[Symbol.for('roster.peerAddress')] = true
