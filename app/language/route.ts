import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { secureCookies } from "@/lib/auth/credentials/session-cookie";
import { isDomainError } from "@/lib/errors";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/config";
import { switchLanguage } from "@/lib/i18n/switch-language";
import { routeContext } from "@/lib/use-case/route-context";
import { signedInActor, withActor } from "@/lib/use-case/context";

// The language switch in the site header: a plain form POST (works without JavaScript),
// answered with a redirect back to the page it came from. A route rather than a server
// action so it has a stable address for the form and for tests.

function plain(status: number, sentence: string): Response {
  return new Response(sentence, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function POST(req: Request): Promise<Response> {
  // Another site must not change a visitor's language behind their back.
  if (req.headers.get("sec-fetch-site") === "cross-site") return plain(403, "The language can only be changed from this site.");
  let ctx = routeContext(req);
  const user = await getCurrentUser();
  // Staff viewing the site as a member change only their own browser's language.
  if (user && !user.viewedBy) ctx = withActor(ctx, signedInActor(user, "session"));
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return plain(400, "Choose English or Japanese.");
  }
  try {
    const { locale, next } = await switchLanguage(Object.fromEntries(form), ctx);
    const res = new NextResponse(null, { status: 303, headers: { location: next, "cache-control": "no-store" } });
    res.cookies.set(LOCALE_COOKIE, locale, {
      maxAge: LOCALE_COOKIE_MAX_AGE,
      sameSite: "lax",
      path: "/",
      secure: secureCookies(),
    });
    return res;
  } catch (err) {
    if (isDomainError(err)) return plain(err.status, err.message);
    throw err;
  }
}
