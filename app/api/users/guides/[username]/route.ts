import { json, jsonRoute } from "@/lib/http/route";
import { usernameFromPath } from "@/lib/profiles/api-shape";
import { getPublicGuide } from "@/lib/profiles/guides";

export const dynamic = "force-dynamic";

// Public: one guide's page data, {"profile": {…}, "seo": {…}}.
export const GET = jsonRoute<{ username: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "guides.error" },
  async (_req, ctx, { username }) => json(200, await getPublicGuide({ username: usernameFromPath(username) }, ctx)),
);
