/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next bundles a copy of a package per route; these must stay one shared Node module each.
  serverExternalPackages: ['dynamodb-toolbox', 'dynalite', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  poweredByHeader: false,
  // forbidden(): pages only managers use answer 403 (lib/auth/session.ts).
  experimental: { authInterrupts: true },
  // On every response, static files included. The CSP, which needs a per-request nonce, is set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ]
  },
}
export default nextConfig
