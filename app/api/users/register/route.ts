import { readBody } from "@/lib/http/body";
import { refuseCrossSite } from "@/lib/http/cross-site";
import { json, jsonRoute } from "@/lib/http/route";
import { registerUser } from "@/lib/users/register";

export const dynamic = "force-dynamic";

// The old platform's contract, byte for byte: see DOMAIN.md "Registration contract".
export const POST = jsonRoute(
  {
    errorKey: "error",
    faultMessage: "An unexpected error occurred during registration.",
    faultEvent: "registration.failed",
  },
  async (req, ctx) => {
    const { log } = ctx;
    const crossSite = refuseCrossSite(req);
    if (crossSite) {
      log.warn({ event: "registration.cross_site_refused" }, "registration refused: posted from another site");
      return crossSite;
    }
    const body = await readBody(req).catch((err) => {
      log.info({ event: "registration.rejected", reason: err.code ?? "invalid" }, "registration rejected");
      throw err;
    });
    await registerUser(body, ctx);
    return json(201, { message: "User registered successfully." });
  },
);
