import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { deviceIdFromCookieHeader, deviceSetCookie, newDeviceId } from "@/lib/auth/device-cookie";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints: /api/auth/session, /csrf, /providers, /signout and
// /callback/credentials (the Credentials provider, for next-auth's client signIn()).
async function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

/**
 * A Credentials sign-in from a browser without a device cookie (lib/auth/device-cookie.ts)
 * gets one: added to the request, so the sign-in records it, and to the response.
 * next-auth has no hook that can set a cookie of ours.
 */
async function post(req: NextRequest, ctx: Ctx) {
  const isCredentials = req.nextUrl.pathname.replace(/\/+$/, "").endsWith("/callback/credentials");
  if (!isCredentials || deviceIdFromCookieHeader(req.headers.get("cookie"))) return handler(req, ctx);
  const device = newDeviceId();
  const headers = new Headers(req.headers);
  const cookie = headers.get("cookie");
  headers.set("cookie", `${cookie ? `${cookie}; ` : ""}${deviceSetCookie(device).split(";")[0]}`);
  const res = await handler(new NextRequest(req.url, { method: req.method, headers, body: await req.arrayBuffer() }), ctx);
  const out = new Response(res.body, res);
  out.headers.append("set-cookie", deviceSetCookie(device));
  return out;
}

export { handler as GET, post as POST };
