// The security headers of every response the app sends: pages, API routes, 404s and
// error pages alike (proxy.ts sets them; next.config.js covers the static files the proxy
// does not see). The app is the one place that sets them; nginx adds only what depends on
// TLS (HSTS) and covers the few answers it makes itself (deploy/nginx/zporta-accounts.conf).

import { googleClientIds } from "../google-login/config";
import apiSecurityHeaders from "./api-security-headers.json" with { type: "json" };

/**
 * Pages whose address carries a one-time secret (a token in the query or the path). Their
 * Referer must never leave the site; nginx keeps their query out of its access log (its
 * map repeats this list; tests/http/security-headers.test.ts checks that they agree).
 */
export const TOKEN_PAGE_PREFIXES = ["/accept-invitation", "/reset-password-confirm/", "/verify-email", "/magic-link", "/magic-login/", "/change-email/"] as const;

export function isTokenPage(pathname: string): boolean {
  return TOKEN_PAGE_PREFIXES.some((prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix));
}

/**
 * Pages that show "Sign in with Google" when GOOGLE_CLIENT_ID is set (app/components/google-sign-in.tsx);
 * on /account/security it links Google to the signed-in account.
 */
export const GOOGLE_SIGN_IN_PAGES = ["/login", "/signup", "/account/security"] as const;

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** A fresh, unguessable value for one page response's script nonce. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/**
 * Pages: scripts only with this response's nonce (Next puts it on its own scripts when it
 * finds it in the request's Content-Security-Policy header, proxy.ts) and what those load
 * ('strict-dynamic'). Inline styles stay allowed: React style attributes and the plain
 * 403 page use them, and a style cannot run code. Forms post only to this site.
 */
export function pageContentSecurityPolicy(nonce: string, opts: { google?: boolean } = {}): string {
  // The development server evaluates code for fast refresh; production never does.
  const evalInDev = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  // Google's sign-in button: its script (allowed through 'strict-dynamic': our own code
  // adds it; the host is named for browsers without 'strict-dynamic'), its iframe, its
  // calls and its stylesheet, and nothing else of Google's.
  const google = opts.google ? " https://accounts.google.com/gsi/" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.google ? " https://accounts.google.com/gsi/client" : ""}${evalInDev}`,
    `style-src 'self' 'unsafe-inline'${opts.google ? " https://accounts.google.com/gsi/style" : ""}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${google}`,
    ...(opts.google ? [`frame-src${google}`] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * An API answer's headers, in a JSON file so that next.config.js gives the same ones to the
 * API requests proxy.ts does not see (its matcher). API answers are data, never a
 * document: nothing may load from them or frame them.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = apiSecurityHeaders;
export const API_CONTENT_SECURITY_POLICY = API_SECURITY_HEADERS["Content-Security-Policy"];

/**
 * The headers for a response to `pathname`. `nonce` is the page's script nonce (absent for
 * API routes). Framing is refused twice: CSP frame-ancestors for current browsers,
 * X-Frame-Options for old ones.
 */
export function securityHeaders(pathname: string, nonce?: string): Record<string, string> {
  const google = (GOOGLE_SIGN_IN_PAGES as readonly string[]).includes(pathname) && googleClientIds().length > 0;
  return {
    ...API_SECURITY_HEADERS,
    "Content-Security-Policy": nonce === undefined || isApi(pathname) ? API_CONTENT_SECURITY_POLICY : pageContentSecurityPolicy(nonce, { google }),
    // Token pages: no Referer at all, not even to this site's own assets and logs. Their
    // forms still work without JavaScript: lib/http/token-page-origin.ts.
    "Referrer-Policy": isTokenPage(pathname) ? "no-referrer" : "strict-origin-when-cross-origin",
  };
}

/** Whether a request is for a page (gets a script nonce) rather than an API route. */
export function wantsNonce(pathname: string): boolean {
  return !isApi(pathname);
}
