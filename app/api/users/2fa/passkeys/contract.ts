import { z } from "zod";
import { commonReplies, contract, errorBody, isoTime } from "@/lib/http/contract";
import { registerPasskeySchema } from "@/lib/two-factor/passkeys/schemas";

const passkey = z.strictObject({ id: z.number().int(), name: z.string(), created_at: isoTime, last_used_at: isoTime.nullable() }).meta({ id: "Passkey" });

export default contract(
  {
    method: "GET",
    path: "/api/users/2fa/passkeys/",
    summary: "The caller's passkeys.",
    access: "member",
    responses: {
      200: {
        description: "The passkeys.",
        body: z.array(passkey).meta({ id: "PasskeyList" }),
        example: [{ id: 4, name: "Laptop", created_at: "2026-12-06T10:00:00.000Z", last_used_at: null }],
      },
      ...commonReplies("error", { access: "member" }),
    },
  },
  {
    method: "POST",
    path: "/api/users/2fa/passkeys/",
    summary: "Add a passkey, step two: its name and the browser's registration response.",
    access: "member",
    request: { body: registerPasskeySchema },
    responses: {
      201: { description: "Added.", body: z.strictObject({ id: z.number().int(), name: z.string() }).meta({ id: "PasskeyAdded" }), example: { id: 4, name: "Laptop" } },
      400: { description: "A response that does not verify, a name missing.", body: errorBody },
      ...commonReplies("error", { access: "member", body: true, limited: true }),
    },
  },
);
