import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { resetRequestRefusal } from "@/lib/password-reset/api-shape";
import { RESET_REQUESTED } from "@/lib/password-reset/messages";
import { requestPasswordReset } from "@/lib/password-reset/request";

export const dynamic = "force-dynamic";

// The old API's password-reset request: {"email"} → the same 200 for every address.
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "password_reset.failed" },
  async (req, ctx) => {
    // No credentials are taken, but another site must not make browsers mail links.
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req, undefined, { emptyAs: {} });
    try {
      await requestPasswordReset(body, ctx);
    } catch (err) {
      const refusal = resetRequestRefusal(err);
      if (refusal) return json(400, refusal);
      throw err;
    }
    return json(200, { message: RESET_REQUESTED });
  },
);
