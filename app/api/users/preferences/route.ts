import { readBody } from "@/lib/http/body";
import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute, type RouteContext } from "@/lib/http/route";
import { preferencesToApi } from "@/lib/profiles/api-shape";
import { getMyPreferences, patchMyPreferences } from "@/lib/profiles/preferences";

export const dynamic = "force-dynamic";

const OPTS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "preferences.error" } as const;

// The caller's study preferences (the live UserPreference), in the live API's names.
export const GET = jsonRoute(OPTS, async (req, routeCtx) =>
  json(200, preferencesToApi(await getMyPreferences({}, await memberRouteContext(req, routeCtx)))),
);

// PATCH (and PUT, which the live view treated the same): the fields given change.
async function update(req: Request, routeCtx: RouteContext) {
  const ctx = await memberRouteContext(req, routeCtx);
  const body = await readBody(req);
  return json(200, preferencesToApi(await patchMyPreferences(body, ctx)));
}

export const PATCH = jsonRoute(OPTS, update);
export const PUT = jsonRoute(OPTS, update);
