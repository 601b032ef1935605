import { json, jsonRoute } from "@/lib/http/route";
import { listGuides } from "@/lib/profiles/guides";

export const dynamic = "force-dynamic";

// Public: the list of guides (?search= by username, ?limit=), as a bare array like the live view.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guides.error" },
  async (req, ctx) => json(200, await listGuides(Object.fromEntries(new URL(req.url).searchParams.entries()), ctx)),
);
