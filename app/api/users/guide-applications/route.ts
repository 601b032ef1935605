import { requireStaffRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { toApiShape } from "@/lib/guide-applications/api-shape";
import { listGuideApplications } from "@/lib/guide-applications/list";
import { json, jsonRoute } from "@/lib/http/route";
import { MAX_PAGE_SIZE } from "@/lib/validation/pagination";

export const dynamic = "force-dynamic";

/**
 * Staff: applications as a JSON array (the old API's shape), pending first, then oldest
 * first; `?status=pending|approved|rejected`, `?applicant=` (part of a username), `?page=`, `?page_size=` (default and
 * maximum 100). X-Total-Count and a Link header (rel="next"/"prev") tell clients there
 * is more. Non-staff get 403 {"detail": "Admin permission required."}.
 */
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guide_application.error" },
  async (req) => {
    const staff = await requireStaffRequest(req);
    const url = new URL(req.url);
    const query = url.searchParams;
    const page = await listGuideApplications(
      { status: query.get("status"), applicant: query.get("applicant"), page: query.get("page"), pageSize: query.get("page_size") ?? MAX_PAGE_SIZE },
      staff,
      getDb(),
    );
    const link = (n: number, rel: string) => {
      const target = new URLSearchParams(query);
      target.set("page", String(n));
      return `<${url.pathname}?${target}>; rel="${rel}"`;
    };
    const links = [page.page < page.pageCount && link(page.page + 1, "next"), page.page > 1 && link(page.page - 1, "prev")].filter(Boolean);
    const headers: Record<string, string> = { "X-Total-Count": String(page.total) };
    if (links.length) headers.Link = links.join(", ");
    return json(200, page.items.map(toApiShape), headers);
  },
);
