import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { MAGIC_LINK_SENT } from "@/lib/magic-link/messages";
import { requestMagicLink } from "@/lib/magic-link/request";

export const dynamic = "force-dynamic";

// The old API's magic-link request: {"email"} → the same 200 for every address;
// missing email → 400 {"error": "Email field is required."} (jsonRoute's shape).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "magic_link.failed" },
  async (req, ctx) => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req, undefined, { emptyAs: {} });
    await requestMagicLink(body, ctx);
    return json(200, { detail: MAGIC_LINK_SENT });
  },
);
