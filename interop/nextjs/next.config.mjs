/** @type {import('next').NextConfig} */
const nextConfig = {
  // No network at build or run: nothing to fetch, no telemetry.
  poweredByHeader: false,
};
export default nextConfig;
