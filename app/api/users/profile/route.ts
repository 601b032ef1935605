import { requireCallerRequest } from "@/lib/auth/who/request";
import { clientIp } from "@/lib/http/client-ip";
import { getDb } from "@/lib/db/client";
import { readBody, readOptionalBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { IMAGE_MAX_BYTES } from "@/lib/media/image-check";
import { mediaStorage } from "@/lib/media/storage";
import { ownProfileToApi } from "@/lib/profiles/api-shape";
import { deleteOwnAccount } from "@/lib/users/delete-account";
import { getOwnProfile } from "@/lib/users/get-profile";
import { patchOwnProfile } from "@/lib/users/patch-profile";

export const dynamic = "force-dynamic";

const OPTS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "profile.error" } as const;

// Four images of 5 MB (profile_image, showcase_image_1..3) and the text fields beside them.
// Only multipart bodies may be this large; JSON keeps the usual 64 KiB.
const UPLOAD_LIMIT = 4 * IMAGE_MAX_BYTES + 256 * 1024;

// The read every client makes: the credential, the user and the profile in one statement.
export const GET = jsonRoute(OPTS, async (req, { db }) => {
  const { user, profile } = await requireCallerRequest(req, db, { withProfile: true });
  return json(200, ownProfileToApi(profile ?? (await getOwnProfile(db, user.id)), mediaStorage()));
});

// PUT and PATCH: the fields given change (the live app treated PUT as partial too).
// Answers as GET does.
async function update(req: Request, log: import("@/lib/log/logger").Logger) {
  const { user } = await requireCallerRequest(req);
  const body = await readBody(req, undefined, { uploads: { limit: UPLOAD_LIMIT } });
  const storage = mediaStorage();
  await patchOwnProfile(body, { db: getDb(), log, actor: user, storage });
  return json(200, ownProfileToApi(await getOwnProfile(getDb(), user.id), storage));
}

export const PUT = jsonRoute(OPTS, (req, { log }) => update(req, log));
export const PATCH = jsonRoute(OPTS, (req, { log }) => update(req, log));

// The old API's account deletion, for good: an API token needs no body (as the old API);
// a browser's session cookie needs {"password"}, as the page asks (lib/users/delete-account.ts).
export const DELETE = jsonRoute(OPTS, async (req, { log }) => {
  const { user, credential } = await requireCallerRequest(req);
  const confirm = credential.kind === "browser" ? { input: await readOptionalBody(req), ip: clientIp(req.headers) } : undefined;
  // With 2FA on, a recent second factor: this token's sign-in, or ?code=… (the old API sends no body).
  const code = new URL(req.url).searchParams.get("code") ?? undefined;
  const { username } = await deleteOwnAccount(user.id, { db: getDb(), log, via: credential.kind, confirm, credential, code });
  return json(200, { message: `Account ${username} has been permanently deleted.` });
});
