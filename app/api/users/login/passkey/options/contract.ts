import { commonReplies, contract } from "@/lib/http/contract";
import { webAuthnOptions } from "../../2fa/shape";

const options = (method: "GET" | "POST") =>
  ({
    method,
    path: "/api/users/login/passkey/options/",
    summary: "Sign in with a passkey (and the username field's autofill): request options, no account yet.",
    access: "anyone",
    responses: {
      200: { description: "Request options for navigator.credentials.get().", body: webAuthnOptions },
      ...commonReplies("error", { crossSite: true }),
    },
  }) as const;

export default contract(options("GET"), options("POST"));
