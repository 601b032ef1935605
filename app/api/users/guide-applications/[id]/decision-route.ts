import { applicationIdFromPath, decisionFromApi, toApiShape, withApiFieldNames } from "@/lib/guide-applications/api-shape";
import type { DecisionResult } from "@/lib/guide-applications/decide";
import { readOptionalBody } from "@/lib/http/body";
import { staffRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import type { UseCaseContext } from "@/lib/use-case/context";

type Decide = (input: unknown, ctx: UseCaseContext) => Promise<DecisionResult>;

/**
 * The old API's staff decision on a pending application (optional `admin_notes`): 200
 * with the application; 409 "This application was already approved/rejected." when
 * someone decided first. Approve and reject differ only in the use case they call.
 */
export function decisionRoute(decide: Decide) {
  return jsonRoute<{ id: string }>(
    { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guide_application.error" },
    async (req, routeCtx, params) => {
      const ctx = await staffRouteContext(req, routeCtx);
      const applicationId = applicationIdFromPath(params.id);
      const body = await readOptionalBody(req);
      const { application } = await decide(decisionFromApi(applicationId, body), ctx).catch((err) => {
        throw withApiFieldNames(err);
      });
      return json(200, toApiShape(application));
    },
  );
}
