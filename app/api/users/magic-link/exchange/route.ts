import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { loginAnswer } from "@/lib/sign-in-exchange/answer";
import { exchangeSignInCode } from "@/lib/sign-in-exchange/exchange";

export const dynamic = "force-dynamic";

// The single-page app finishes a magic-link sign-in: {"code"} from its return address →
// the login answer (token, id, username, …), as POST login/ gives it. Only from the
// origin the code was sent to (one of CORS_ALLOWED_ORIGINS).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "sign_in_exchange.failed" },
  async (req, ctx) => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    const body = await readBody(req);
    const db = getDb();
    const outcome = await exchangeSignInCode(body, { ...ctx, origin: req.headers.get("origin") });
    return json(200, await loginAnswer(db, outcome.userId, outcome.token));
  },
);
