import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";
import { mediaStorage } from "@/lib/media/storage";
import { listGuides } from "@/lib/profiles/guides";

export const dynamic = "force-dynamic";

// Public: the list of guides (?search= by username, ?limit=), as a bare array like the live view.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guides.error" },
  async (req, { log }) => {
    const query = Object.fromEntries(new URL(req.url).searchParams.entries());
    return json(200, await listGuides(query, { db: getDb(), log, storage: mediaStorage() }));
  },
);
