import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Any /api/ address no route answers: a JSON 404 in the API's shape, carrying the request
// id like every other API answer (lib/http/route.ts). Without this, Next answered with the
// HTML 404 page, and without an Origin the request skips proxy.ts, so it had no id to
// quote. More specific routes always win over this catch-all, and a known path asked with
// a method it lacks still gets that route's 405.
const notFound = jsonRoute({ errorKey: "detail", faultMessage: "Not found.", faultEvent: "api.unknown_path_failed" }, async () =>
  json(404, { detail: "Not found." }),
);

export { notFound as DELETE, notFound as GET, notFound as OPTIONS, notFound as PATCH, notFound as POST, notFound as PUT };
