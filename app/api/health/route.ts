// A fixed JSON body that touches no database: a liveness check, and the benchmark's framework floor.
export function GET() {
  return Response.json({ status: 'ok', service: 'roster' })
}
