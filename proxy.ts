import { NextResponse, type NextRequest } from "next/server";
import { PATHNAME_HEADER } from "@/lib/http/pathname-header";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

// Every request gets an id (an incoming x-request-id is honoured when it looks sane):
// handlers and server actions read it from the request headers for their logs, and
// the client gets it back to quote in a bug report.
export function proxy(req: NextRequest) {
  const requestId = requestIdFrom(req.headers);
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // For the auth guards: where to come back after /login.
  headers.set(PATHNAME_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
