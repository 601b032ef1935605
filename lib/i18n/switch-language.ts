import type { Db } from "../db/client";
import { parseInput } from "../validation/parse";
import type { UseCaseContext } from "../use-case/context";
import type { Locale } from "./config";
import { switchLanguageSchema } from "./switch-language-schema";

/**
 * A visitor or member picks the site's language. The adapter keeps the choice in the
 * zporta_locale cookie; a signed-in member's Profile.locale changes too, so the choice
 * follows them to other browsers and to their emails (as the live frontend's PATCH does).
 * The column's CHECK (en|ja) guards the value; the UPDATE touches only an active member's row.
 */
export async function switchLanguage(input: unknown, ctx: UseCaseContext): Promise<{ locale: Locale; next: string }> {
  const { locale, next } = parseInput(switchLanguageSchema, input);
  if (ctx.actor.kind === "member" || ctx.actor.kind === "staff") {
    const count = await saveMemberLocale(ctx.db, ctx.actor.id, locale);
    ctx.log.info({ event: "locale.switched", userId: ctx.actor.id, locale, saved: count === 1 }, "language switched");
  } else {
    ctx.log.info({ event: "locale.switched", locale }, "language switched");
  }
  return { locale, next };
}

/**
 * Profile.locale of an active member, marked as chosen (even when it already was `locale`:
 * pressing the switch is the choice); 1 when saved, 0 when the account is gone. The
 * column's CHECK refuses anything but en|ja.
 */
export async function saveMemberLocale(db: Db, userId: number, locale: Locale): Promise<number> {
  return db.$executeRaw`
    UPDATE "Profile" p SET "locale" = ${locale}, "localeChosenAt" = now(), "updatedAt" = now()
    FROM "User" u
    WHERE p."userId" = ${userId} AND u."id" = p."userId" AND u."isActive"`;
}
