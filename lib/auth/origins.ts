import { networkInterfaces } from 'node:os'
import { readAuthConfig, type AuthConfig } from './config'

// The origins a browser may sign in and act from. A real installation has one, BETTER_AUTH_URL; the
// embedded demo answers wherever it is opened on this machine: localhost, 127.0.0.1, [::1] and the
// network addresses Next prints, on the same port.

export function trustedOrigins(config: AuthConfig = readAuthConfig()): string[] {
  const base = new URL(config.baseURL)
  const origins = [base.origin]
  if (!config.demo) return origins
  const port = base.port ? `:${base.port}` : ''
  const hosts = ['localhost', '127.0.0.1', '[::1]']
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4') hosts.push(address.address)
      else if (!address.address.startsWith('fe80:')) hosts.push(`[${address.address}]`)
    }
  }
  for (const host of hosts) origins.push(`${base.protocol}//${host}${port}`)
  return [...new Set(origins)]
}
