import type { Tx } from "../db/transaction";
import type { Db } from "../db/client";
import type { Locale } from "../i18n/config";
import { localeOrDefault } from "../i18n/translator";

/**
 * The language a member's emails are written in: their saved Profile.locale, whatever page
 * language the request that caused the mail had (a staff action, a sign-in from another
 * browser). English when the account has no profile.
 */
export async function recipientLocale(db: Tx | Db, userId: number): Promise<Locale> {
  const profile = await db.profile.findUnique({ where: { userId }, select: { locale: true } });
  return localeOrDefault(profile?.locale);
}
