import { z } from "zod";
import { commonReplies, contract, detailBody, isoTime, messageBody } from "@/lib/http/contract";
import { profilePatchSchema } from "@/lib/users/profile-patch-schema";
import { ROLES } from "@/lib/users/register-schema";

export const profileReply = z
  .strictObject({
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    bio: z.string(),
    display_name: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    active_guide: z.boolean(),
    can_invite_teachers: z.boolean(),
    is_staff: z.boolean(),
    email_verified: z.boolean(),
    date_joined: isoTime,
  })
  .meta({ id: "Profile" });

const example = {
  id: 12, username: "ada", email: "ada@example.com", role: "explorer", bio: "", display_name: "Ada", first_name: "", last_name: "",
  active_guide: false, can_invite_teachers: false, is_staff: false, email_verified: true, date_joined: "2026-11-24T09:05:00.000Z",
};

const update = (method: "PUT" | "PATCH") => ({
  method,
  path: "/api/users/profile/",
  summary: "Change display_name, bio, first_name, last_name (the fields given; blank clears). Role and staff-granted flags are read-only.",
  access: "member" as const,
  request: { body: profilePatchSchema, form: true, example: { display_name: "Ada L.", bio: "Maths teacher" } },
  responses: {
    200: { description: "The profile after the change.", body: profileReply, example },
    400: { description: "Invalid input, or a read-only field sent.", body: detailBody, example: { detail: "role is read-only." } },
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
    summary: "Delete the caller's account for good.",
    access: "member",
    responses: {
      200: { description: "Deleted.", body: messageBody, example: { message: "Account ada has been permanently deleted." } },
      ...commonReplies("detail", { access: "member" }),
    },
  },
);
