import NextAuth from "next-auth";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { deviceCookieName, deviceCookieOptions, newDeviceId, validDeviceId } from "@/lib/auth/credentials/device-cookie";
import { authOptions } from "@/lib/auth/nextauth/options";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints: /api/auth/session, /csrf, /providers, /signout and
// /callback/credentials (the Credentials provider, for next-auth's client signIn()).
async function handler(req: NextRequest, ctx: Ctx) {
  return NextAuth(req as never, ctx as never, authOptions());
}

/**
 * A Credentials sign-in from a browser without a device cookie (lib/auth/credentials/device-cookie.ts)
 * gets one here, before next-auth runs: set on this request's cookies, where the
 * provider's authorize() reads it (so the sign-in records it), and sent with the answer.
 */
async function post(req: NextRequest, ctx: Ctx) {
  if (req.nextUrl.pathname.replace(/\/+$/, "").endsWith("/callback/credentials")) {
    const jar = await cookies();
    if (!validDeviceId(jar.get(deviceCookieName())?.value)) jar.set(deviceCookieName(), newDeviceId(), deviceCookieOptions());
  }
  return handler(req, ctx);
}

export { handler as GET, post as POST };
