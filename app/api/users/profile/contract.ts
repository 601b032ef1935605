import { z } from "zod";
import { commonReplies, contract, detailBody, messageBody } from "@/lib/http/contract";
import { profilePatchSchema } from "@/lib/users/profile-patch-schema";
import { ownProfileExample as example, ownProfileReply as profileReply } from "./shape";

const update = (method: "PUT" | "PATCH") => ({
  method,
  path: "/api/users/profile/",
  summary:
    "Change the fields given (both methods are partial; blank clears); images as multipart uploads. Role, staff-granted flags, scores and `*_url` are read-only.",
  access: "member" as const,
  request: { body: profilePatchSchema, form: true, multipart: true, example: { display_name: "Ada L.", bio: "Maths teacher", locale: "ja" } },
  responses: {
    200: { description: "The profile after the change.", body: profileReply, example },
    400: { description: "Invalid input, a read-only field sent, or a bad or oversized image.", body: detailBody, example: { detail: "role is read-only." } },
    ...commonReplies("detail", { access: "member", body: true }),
  },
});

export default contract(
  {
    method: "GET",
    path: "/api/users/profile/",
    summary: "The caller's own profile.",
    access: "member",
    responses: { 200: { description: "The profile.", body: profileReply, example }, ...commonReplies("detail", { access: "member" }) },
  },
  update("PUT"),
  update("PATCH"),
  {
    method: "DELETE",
    path: "/api/users/profile/",
    summary:
      "Delete the caller's account for good. An API token needs no body; a browser's session cookie needs {\"password\"}. With two-factor on, a recent second factor: this token's sign-in, or `?code=`.",
    access: "member",
    request: {
      body: z.object({ password: z.string().optional() }),
      query: z.object({ code: z.string().optional().meta({ description: "an authenticator or recovery code (step-up)" }) }),
      example: { password: "the account's password" },
    },
    responses: {
      200: { description: "Deleted.", body: messageBody, example: { message: "Account ada has been permanently deleted." } },
      400: { description: "With a session cookie, the password missing or wrong; a wrong step-up code.", body: detailBody },
      403: { description: "Two-factor on and no recent second factor.", body: detailBody },
      ...commonReplies("detail", { access: "member" }),
    },
  },
);
