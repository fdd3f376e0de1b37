// `node --import ./scripts/register.mjs file.ts`: how Roster runs TypeScript outside Next (tsx), with
// `server-only` resolved as on the server (scripts/outside-next.mjs).
import 'tsx'
import './outside-next.mjs'
