// dynalite ships no types: the part of its API Roster uses.
declare module 'dynalite' {
  import type { Server } from 'node:http'
  interface DynaliteOptions {
    path?: string
    createTableMs?: number
    deleteTableMs?: number
    updateTableMs?: number
    maxItemSizeKb?: number
  }
  function dynalite(options?: DynaliteOptions): Server
  export default dynalite
}
