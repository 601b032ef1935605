import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { passkeySignInSchema } from "@/lib/two-factor/passkeys/schemas";
import { loginReply } from "../contract";
import { signedInReply } from "../2fa/shape";

export default contract({
  method: "POST",
  path: "/api/users/login/passkey/",
  summary: "Sign in with a passkey alone: the site itself gets a session cookie and {\"detail\"}; an API client the login answer.",
  access: "anyone",
  request: { body: passkeySignInSchema },
  responses: {
    200: { description: "The login answer (API client), or {\"detail\": \"Signed in.\"} (the site).", body: loginReply.or(signedInReply) },
    400: { description: "An assertion that does not verify.", body: errorBody },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
