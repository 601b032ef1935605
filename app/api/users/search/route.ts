import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import { searchUsers } from "@/lib/profiles/search-users";

export const dynamic = "force-dynamic";

// Signed-in only: {"results": [{id, username, display_name}]}; never an email address.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "user_search.error" },
  async (req, routeCtx) => {
    const ctx = await memberRouteContext(req, routeCtx);
    const q = new URL(req.url).searchParams.get("q") ?? undefined;
    return json(200, { results: await searchUsers({ q }, ctx) });
  },
);
