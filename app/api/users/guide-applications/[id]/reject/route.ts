import { requireStaffRequest } from "@/lib/auth/request";
import { getDb } from "@/lib/db/client";
import { applicationIdFromPath, decisionFromApi, toApiShape, withApiFieldNames } from "@/lib/guide-applications/api-shape";
import { rejectGuideApplication } from "@/lib/guide-applications/reject";
import { readOptionalBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Staff reject a pending application (optional `admin_notes`): 200 with the application;
// 409 "This application was already approved/rejected." when someone decided first.
export const POST = jsonRoute<{ id: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guide_application.error" },
  async (req, { log }, params) => {
    const staff = await requireStaffRequest(req);
    const applicationId = applicationIdFromPath(params.id);
    const body = await readOptionalBody(req);
    const { application } = await rejectGuideApplication(decisionFromApi(applicationId, body), staff, getDb(), log).catch((err) => {
      throw withApiFieldNames(err);
    });
    return json(200, toApiShape(application));
  },
);
