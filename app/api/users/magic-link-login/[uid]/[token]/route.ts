import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The old sign-in link's path. Opening a link never spends it (mail scanners follow
// links): this only redirects to our page, whose button signs in. The old system put a
// session token in its redirect; ours carries nothing but the link's own parts.
export const GET = jsonRoute<{ uid: string; token: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "magic_link.failed" },
  async (_req, _ctx, { uid, token }) => {
    const location = `/magic-login/${encodeURIComponent(uid)}/${encodeURIComponent(token)}/`;
    return new Response(null, { status: 302, headers: { location, "referrer-policy": "no-referrer" } });
  },
);
