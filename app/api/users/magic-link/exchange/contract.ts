import { commonReplies, contract, errorBody } from "@/lib/http/contract";
import { exchangeSchema } from "@/lib/sign-in-exchange/exchange-schema";
import { loginExample, loginReply } from "../../login/contract";

export default contract({
  method: "POST",
  path: "/api/users/magic-link/exchange/",
  summary: "The single-page app finishes a magic-link sign-in: the one-time code from its return address for an API token. Only from the origin the code was sent to.",
  access: "anyone",
  request: { body: exchangeSchema, form: true, example: { code: "<from the return address>" } },
  responses: {
    200: { description: "Signed in: the password login's answer (lib/users/login-answer.ts).", body: loginReply, example: loginExample },
    400: { description: "Code missing, unknown, used, expired, or for another origin.", body: errorBody, example: { error: "This sign-in code is invalid, already used or expired: sign in again." } },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
