import { usersCsvStream } from "@/lib/admin/users-csv";
import { staffRouteContext } from "@/lib/http/caller-context";
import { jsonRoute } from "@/lib/http/route";
import { signedInId } from "@/lib/use-case/context";

export const dynamic = "force-dynamic";

// GET /admin/users/export?<the users list's query>: the filtered list as CSV, streamed.
// Staff only (checked here: a route handler has no layout); a bad query is a 400 sentence.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "The export failed. Please try again.", faultEvent: "admin.users_export_failed" },
  async (req, routeCtx) => {
    const ctx = await staffRouteContext(req, routeCtx);
    const params = Object.fromEntries(new URL(req.url).searchParams);
    // The use case checks the staff flag, step-up and the query before streaming.
    const body = await usersCsvStream(params, ctx);
    ctx.log.info({ event: "admin.users_exported", staffId: signedInId(ctx), filters: Object.keys(params).sort() }, "users list exported");
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
