import { listHeaders, listQueryFromApi, toApiShape } from "@/lib/guide-applications/api-shape";
import { listGuideApplications } from "@/lib/guide-applications/list";
import { staffRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Staff: applications as a JSON array (the old API's shape), pending first, then oldest
 * first; `?status=pending|approved|rejected`, `?applicant=` (part of a username), `?page=`, `?page_size=` (default and
 * maximum 100). X-Total-Count and a Link header (rel="next"/"prev") tell clients there
 * is more. Non-staff get 403 {"detail": "Admin permission required."}.
 */
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guide_application.error" },
  async (req, routeCtx) => {
    const ctx = await staffRouteContext(req, routeCtx);
    const url = new URL(req.url);
    const page = await listGuideApplications(listQueryFromApi(url.searchParams), ctx);
    return json(200, page.items.map(toApiShape), listHeaders(url, page));
  },
);
