import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_FORM_HTML, FORBIDDEN_HTML, SECOND_FACTOR_FORBIDDEN_HTML, VIEWING_AS_FORBIDDEN_HTML } from "@/lib/auth/who/forbidden-page";
import { isStaffArea, sessionCookieName, staffAreaRefusal } from "@/lib/auth/who/staff-area";
import { corsPreflightHeaders, corsResponseHeaders, isCorsAllowedOrigin, isCorsPath, isPreflight } from "@/lib/http/cors";
import { isCrossSitePagePost } from "@/lib/http/cross-site-form";
import { CROSS_SITE_MESSAGE } from "@/lib/http/cross-site-message";
import { isMalformedPath, MALFORMED_PATH_MESSAGE } from "@/lib/http/malformed-path";
import { PATHNAME_HEADER } from "@/lib/http/pathname-header";
import { newNonce, securityHeaders, wantsNonce } from "@/lib/http/security-headers";
import { repairedTokenPageOrigin } from "@/lib/http/token-page-origin";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

const REFUSAL_PAGES = { member: FORBIDDEN_HTML, viewing: VIEWING_AS_FORBIDDEN_HTML, no_second_factor: SECOND_FACTOR_FORBIDDEN_HTML };

// Every request gets an id (an incoming x-request-id is honoured when it looks sane):
// handlers and server actions read it from the request headers for their logs, and
// the client gets it back to quote in a bug report.
export async function proxy(req: NextRequest) {
  const requestId = requestIdFrom(req.headers);
  // The users API answers browsers on CORS_ALLOWED_ORIGINS (lib/http/cors.ts): their
  // preflights here, and CORS headers on every answer. Other origins get no CORS header.
  const cors = isCorsPath(req.nextUrl.pathname);
  const requestOrigin = req.headers.get("origin");
  const allowedOrigin = cors && isCorsAllowedOrigin(requestOrigin) ? requestOrigin : null;
  const withCors = (res: NextResponse) => {
    if (allowedOrigin) for (const [name, value] of Object.entries(corsResponseHeaders(allowedOrigin))) res.headers.set(name, value);
    // The answer depends on Origin: a shared cache must not hand one origin's to another.
    if (cors) res.headers.append("Vary", "Origin");
    return res;
  };
  if (isMalformedPath(req.nextUrl.pathname)) {
    const api = req.nextUrl.pathname.startsWith("/api/");
    const res = api
      ? NextResponse.json({ detail: MALFORMED_PATH_MESSAGE }, { status: 400 })
      : new NextResponse(MALFORMED_PATH_MESSAGE, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    res.headers.set(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(securityHeaders(req.nextUrl.pathname))) res.headers.set(name, value);
    return withCors(res);
  }
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // For the auth guards: where to come back after /login.
  headers.set(PATHNAME_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const origin = repairedTokenPageOrigin(req.method, req.nextUrl.pathname, req.headers);
  if (origin) headers.set("origin", origin);
  // Pages get a fresh script nonce. Next reads it from the request's CSP header and puts it
  // on its own scripts (every page renders dynamically: the layout reads the session).
  const nonce = wantsNonce(req.nextUrl.pathname) ? newNonce() : undefined;
  const security = securityHeaders(req.nextUrl.pathname, nonce);
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  // The staff area's 403 page for signed-in non-staff page loads. The layout's forbidden()
  // and every action's check stay the guards; this only gives the refusal a body, which
  // Next 16.4 leaves blank without JavaScript. Staff and anonymous requests pass through.
  const isPageLoad = req.method === "GET" && !req.headers.has("next-action") && !req.headers.has("rsc");
  const refusal = isPageLoad && isStaffArea(req.nextUrl.pathname) ? await staffAreaRefusal(req.cookies.get(sessionCookieName())?.value) : null;
  let res: NextResponse;
  if (cors && isPreflight(req.method, req.headers)) {
    res = allowedOrigin
      ? new NextResponse(null, { status: 204, headers: corsPreflightHeaders(allowedOrigin) })
      : NextResponse.json({ detail: CROSS_SITE_MESSAGE }, { status: 403 });
  } else if (isCrossSitePagePost(req.method, req.nextUrl.pathname, headers)) {
    // Next would answer this with a bare 500 (lib/http/cross-site-form.ts).
    res = new NextResponse(CROSS_SITE_FORM_HTML, { status: 403, headers: { "content-type": "text/html; charset=utf-8" } });
  } else if (refusal) {
    res = new NextResponse(REFUSAL_PAGES[refusal], { status: 403, headers: { "content-type": "text/html; charset=utf-8" } });
  } else {
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(security)) res.headers.set(name, value);
  return withCors(res);
}

// Pages, server actions, 404s and error pages all pass through here, and next-auth's
// endpoints (its callbacks log with the request id this sets). The rest of the API only
// when the proxy has work to do: a request with an Origin (CORS, preflights) or a
// percent-escape in its path (possibly a broken one). The requests every client makes (a
// token read, a sign-up from the app or a script) skip it: their security headers and Vary
// come from next.config.js, their request id from the route (lib/http/route.ts). Passing
// through here costs ~0.8 ms of CPU per request on the reference machine, as much as the
// rest of Next's floor (bench/README.md, issue 24). Next's static files never come here
// (next.config.js gives them their headers).
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|api/).*)",
    "/api/auth/:path*",
    { source: "/api/:path*", has: [{ type: "header", key: "origin" }] },
    "/api/:path(.*%.*)",
  ],
};
