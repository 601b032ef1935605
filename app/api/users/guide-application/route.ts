import { submissionFromApi, toApiShape, withApiFieldNames } from "@/lib/guide-applications/api-shape";
import { getMyLatestGuideApplication } from "@/lib/guide-applications/list";
import { NOT_FOUND } from "@/lib/guide-applications/messages";
import { submitGuideApplication } from "@/lib/guide-applications/submit";
import { readBody } from "@/lib/http/body";
import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute, type RouteOptions } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const OPTIONS: RouteOptions = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guide_application.error" };

// The caller's own latest application (any status), or 404 when they never applied.
export const GET = jsonRoute(OPTIONS, async (req, routeCtx) => {
  const latest = await getMyLatestGuideApplication({}, await memberRouteContext(req, routeCtx));
  if (!latest) throw NOT_FOUND();
  return json(200, toApiShape(latest));
});

// Apply to teach: 201 with the new application; 400 while one is pending or approved.
export const POST = jsonRoute(OPTIONS, async (req, routeCtx) => {
  const ctx = await memberRouteContext(req, routeCtx);
  const body = await readBody(req);
  const created = await submitGuideApplication(submissionFromApi(body), ctx).catch((err) => {
    throw withApiFieldNames(err);
  });
  return json(201, toApiShape(created));
});
