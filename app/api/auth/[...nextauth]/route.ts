import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

// next-auth's own endpoints: /api/auth/session, /csrf, /providers, /signout and
// /callback/credentials (the Credentials provider, for next-auth's client signIn()).
async function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
