import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { readBody, readOptionalBody } from "@/lib/http/body";
import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute, type RouteContext } from "@/lib/http/route";
import { IMAGE_MAX_BYTES } from "@/lib/media/image-check";
import { mediaStorage } from "@/lib/media/storage";
import { ownProfileToApi } from "@/lib/profiles/api-shape";
import { deleteOwnAccount } from "@/lib/users/delete-account";
import { passwordIn } from "@/lib/users/confirm-own-password";
import { withCaller } from "@/lib/use-case/context";
import { getOwnProfile, readOwnProfile } from "@/lib/users/get-profile";
import { patchOwnProfile } from "@/lib/users/patch-profile";

export const dynamic = "force-dynamic";

const OPTS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "profile.error" } as const;

// Four images of 5 MB (profile_image, showcase_image_1..3) and the text fields beside them.
// Only multipart bodies may be this large; JSON keeps the usual 64 KiB.
const UPLOAD_LIMIT = 4 * IMAGE_MAX_BYTES + 256 * 1024;

// The read every client makes: the credential, the user and the profile in one statement
// (the credential check reads the profile columns too: lib/users/own-profile-row.ts).
export const GET = jsonRoute(OPTS, async (req, { db }) => {
  const { user, profile } = await requireCallerRequest(req, db, { withProfile: true });
  return json(200, ownProfileToApi(profile ?? (await readOwnProfile(db, user.id)), mediaStorage()));
});

// PUT and PATCH: the fields given change (the live app treated PUT as partial too).
// Answers as GET does.
async function update(req: Request, routeCtx: RouteContext) {
  const ctx = await memberRouteContext(req, routeCtx);
  const body = await readBody(req, undefined, { uploads: { limit: UPLOAD_LIMIT } });
  await patchOwnProfile(body, ctx);
  return json(200, ownProfileToApi(await getOwnProfile({}, ctx), mediaStorage()));
}

export const PUT = jsonRoute(OPTS, update);
export const PATCH = jsonRoute(OPTS, update);

// The old API's account deletion, for good: an API token needs no body (as the old API);
// a browser's session cookie needs {"password"}, as the page asks (lib/users/delete-account.ts).
export const DELETE = jsonRoute(OPTS, async (req, ctx) => {
  const { user, credential } = await requireCallerRequest(req);
  // A token's DELETE has no body to read; a browser's carries {"password"}.
  const body = credential.kind === "browser" ? await readOptionalBody(req) : undefined;
  // With 2FA on, the code comes as ?code=… (the old API sends no body): never from the body.
  const code = new URL(req.url).searchParams.get("code") ?? undefined;
  const { username } = await deleteOwnAccount({ password: passwordIn(body), code }, withCaller(ctx, user, credential));
  return json(200, { message: `Account ${username} has been permanently deleted.` });
});
