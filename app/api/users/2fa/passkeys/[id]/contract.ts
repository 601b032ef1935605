import { z } from "zod";
import { commonReplies, contract, errorBody } from "@/lib/http/contract";

export default contract({
  method: "DELETE",
  path: "/api/users/2fa/passkeys/{id}/",
  summary: "Remove one of the caller's passkeys.",
  access: "member",
  responses: {
    200: { description: "Removed.", body: z.strictObject({ detail: z.string() }).meta({ id: "PasskeyRemoved" }), example: { detail: "Passkey removed." } },
    404: { description: "Not one of the caller's.", body: errorBody },
    ...commonReplies("error", { access: "member" }),
  },
});
