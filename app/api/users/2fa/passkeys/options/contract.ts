import { commonReplies, contract } from "@/lib/http/contract";
import { webAuthnOptions } from "../../../login/2fa/shape";

export default contract({
  method: "POST",
  path: "/api/users/2fa/passkeys/options/",
  summary: "Add a passkey, step one: WebAuthn creation options (a discoverable credential, user verification required).",
  access: "member",
  responses: {
    200: { description: "Creation options for navigator.credentials.create().", body: webAuthnOptions },
    ...commonReplies("error", { access: "member" }),
  },
});
