/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next bundles a copy of a package per route; these must stay one shared Node module each.
  serverExternalPackages: ['dynamodb-toolbox', 'dynalite', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  poweredByHeader: false,
}
export default nextConfig
