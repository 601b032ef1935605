import { z } from "zod";
import { commonReplies, contract, errorBody, messageBody } from "@/lib/http/contract";
import { registerSchema } from "@/lib/users/register-schema";

// DOMAIN.md "Registration contract", byte for byte.
export default contract({
  method: "POST",
  path: "/api/users/register/",
  summary: "Create an account (user and profile in one transaction).",
  access: "anyone",
  request: {
    // The use case's own field schemas; `role` is optional on the wire (missing means
    // explorer), which its default-filling preprocess hides from z.toJSONSchema(). The
    // password-strength rule across fields stays in registerSchema (no JSON Schema form).
    body: z.object({ ...registerSchema.shape, role: registerSchema.shape.role.optional() }),
    form: true,
    example: { username: "ada", email: "ada@example.com", password: "correct horse battery", role: "explorer", bio: "" },
  },
  responses: {
    201: { description: "Created.", body: messageBody, example: { message: "User registered successfully." } },
    400: {
      description: "Missing fields, username or email taken (the username message wins), or other invalid input (with per-field `fields`).",
      body: errorBody,
      example: { error: "Username already taken." },
    },
    ...commonReplies("error", { body: true, crossSite: true, limited: true }),
  },
});
