import { requireCallerRequest, requireUserRequest } from "@/lib/auth/request";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { getOwnProfile, type OwnProfile } from "@/lib/users/get-profile";
import { deleteOwnAccount } from "@/lib/users/delete-account";
import { patchOwnProfile } from "@/lib/users/patch-profile";

export const dynamic = "force-dynamic";

const OPTS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "profile.error" } as const;

// The caller's own profile, in the old API's snake_case.
function profileBody(p: OwnProfile) {
  return {
    id: p.id,
    username: p.username,
    email: p.email ?? "", // the old API's blank email, for an account imported without one
    role: p.role,
    bio: p.bio ?? "",
    display_name: p.displayName ?? "",
    first_name: p.firstName ?? "",
    last_name: p.lastName ?? "",
    active_guide: p.activeGuide,
    can_invite_teachers: p.canInviteTeachers,
    is_staff: p.isStaff,
    email_verified: p.emailVerified,
    date_joined: p.dateJoined.toISOString(),
  };
}

export const GET = jsonRoute(OPTS, async (req) => {
  const user = await requireUserRequest(req);
  return json(200, profileBody(await getOwnProfile(getDb(), user.id)));
});

// PUT and PATCH: display_name, bio, first_name, last_name; the fields given change. Role
// and the staff-granted flags are read-only (400 naming the field). Answers as GET does.
async function update(req: Request, log: import("@/lib/log/logger").Logger) {
  const { user } = await requireCallerRequest(req);
  const body = await readBody(req);
  await patchOwnProfile(body, user, getDb(), log);
  return json(200, profileBody(await getOwnProfile(getDb(), user.id)));
}

export const PUT = jsonRoute(OPTS, (req, { log }) => update(req, log));
export const PATCH = jsonRoute(OPTS, (req, { log }) => update(req, log));

// The old API's account deletion (token or same-site session; no body): for good.
export const DELETE = jsonRoute(OPTS, async (req, { log }) => {
  const { user, credential } = await requireCallerRequest(req);
  // With 2FA on, a recent second factor: this token's sign-in, or ?code=… (the old API sends no body).
  const code = new URL(req.url).searchParams.get("code") ?? undefined;
  const { username } = await deleteOwnAccount(user.id, { db: getDb(), log, credential, code });
  return json(200, { message: `Account ${username} has been permanently deleted.` });
});
