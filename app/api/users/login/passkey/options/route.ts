import { getDb } from "@/lib/db/client";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { passkeyRequestOptions } from "@/lib/two-factor/passkeys/authenticate";

export const dynamic = "force-dynamic";

// "Sign in with a passkey" and the username field's autofill: request options with no
// account yet (discoverable credentials, user verification required). GET too: /login
// asks on every load for the autofill, a read as far as the visitor is concerned (the
// challenge row it leaves expires in 5 minutes).
const options = jsonRoute({ errorKey: "error", faultMessage: "An unexpected error occurred during login.", faultEvent: "login.error" }, async (req) => {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  return json(200, await passkeyRequestOptions(getDb(), "sign_in", null));
});
export const GET = options;
export const POST = options;
