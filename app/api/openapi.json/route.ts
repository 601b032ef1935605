import { json, jsonRoute } from "@/lib/http/route";
import { apiDocument } from "./operations";

export const dynamic = "force-dynamic";

// The old API's contract as OpenAPI 3.1 (docs/architecture.md); /api-docs shows it as a page.
export const GET = jsonRoute({ errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "openapi.error" }, async () =>
  json(200, apiDocument()),
);
