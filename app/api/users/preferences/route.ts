import { requireUserRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { preferencesToApi } from "@/lib/profiles/api-shape";
import { getMyPreferences, patchMyPreferences } from "@/lib/profiles/preferences";

export const dynamic = "force-dynamic";

const OPTS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "preferences.error" } as const;

// The caller's study preferences (the live UserPreference), in the live API's names.
export const GET = jsonRoute(OPTS, async (req, { log }) => {
  const actor = await requireUserRequest(req);
  return json(200, preferencesToApi(await getMyPreferences({}, { db: getDb(), log, actor })));
});

// PATCH (and PUT, which the live view treated the same): the fields given change.
async function update(req: Request, log: import("@/lib/log/logger").Logger) {
  const actor = await requireUserRequest(req);
  const body = await readBody(req);
  return json(200, preferencesToApi(await patchMyPreferences(body, { db: getDb(), log, actor })));
}

export const PATCH = jsonRoute(OPTS, (req, { log }) => update(req, log));
export const PUT = jsonRoute(OPTS, (req, { log }) => update(req, log));
