import type { Actor } from "../actor";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import type { Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { ensurePreference, type PreferenceView } from "./preferences-row";
import { preferencesPatchSchema } from "./preferences-schema";

export interface PreferencesContext {
  db: Db;
  log: Logger;
  actor: Actor;
}

/** GET /api/users/preferences/: the caller's preferences (the row is made on first read). */
export async function getMyPreferences(_input: unknown, ctx: PreferencesContext): Promise<PreferenceView> {
  return ensurePreference(ctx.db, ctx.actor.id);
}

/** PATCH /api/users/preferences/: the fields given change, the others stay. */
export async function patchMyPreferences(input: unknown, ctx: PreferencesContext): Promise<PreferenceView> {
  const data = parseInput(preferencesPatchSchema, input);
  const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const view = await inTransaction(ctx.db, async (tx) => {
    await ensurePreference(tx, ctx.actor.id);
    const { count } = await tx.userPreference.updateMany({
      where: { userId: ctx.actor.id, user: { isActive: true } },
      data: { ...changes, updatedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("not_found", "Your account could not be found. Sign in again.", 404);
    return ensurePreference(tx, ctx.actor.id);
  });
  ctx.log.info({ event: "preferences.updated", userId: ctx.actor.id, fields: Object.keys(changes) }, "preferences updated");
  return view;
}
