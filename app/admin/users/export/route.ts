import { authenticateRequestCaller, requireStaffRequest } from "@/lib/auth/who/request";
import { requireRecentSecondFactor } from "@/lib/two-factor/step-up";
import { usersCsvStream } from "@/lib/admin/users-csv";
import { getDb } from "@/lib/db/client";
import { jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /admin/users/export?<the users list's query>: the filtered list as CSV, streamed.
// Staff only (checked here: a route handler has no layout); a bad query is a 400 sentence.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "The export failed. Please try again.", faultEvent: "admin.users_export_failed" },
  async (req, { log }) => {
    const staff = await requireStaffRequest(req);
    // With 2FA on: a second factor on this session or token in the last 10 minutes (issue 20).
    const caller = await authenticateRequestCaller(req);
    await requireRecentSecondFactor(getDb(), staff.id, caller?.credential ?? null, undefined, log);
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const body = usersCsvStream(params, staff, getDb());
    log.info({ event: "admin.users_exported", staffId: staff.id, filters: Object.keys(params).sort() }, "users list exported");
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      status: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="members-${day}.csv"`,
      },
    });
  },
);
