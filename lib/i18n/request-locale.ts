import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "../auth/who/current-user";
import { getDb } from "../db/client";
import { LOCALE_COOKIE, type Locale } from "./config";
import { chooseLocale } from "./locale";

/**
 * The language of this page render or server action. One query for a signed-in member's
 * Profile.locale, when they chose it (by primary key, once per request); visitors cost nothing but the headers.
 * Staff viewing the site as a member keep their own language: it is their screen.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const [jar, hdrs, user] = await Promise.all([cookies(), headers(), getCurrentUser()]);
  let memberLocale: string | null = null;
  if (user && !user.viewedBy) {
    const profile = await getDb().profile.findUnique({ where: { userId: user.id }, select: { locale: true, localeChosenAt: true } });
    // The saved locale counts once the member chose it; the default 'en' nobody chose
    // yields to the cookie and the browser (migration 20261207000700_locale_choice).
    memberLocale = profile?.localeChosenAt ? profile.locale : null;
  }
  return chooseLocale({
    memberLocale,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: hdrs.get("accept-language"),
  });
});
