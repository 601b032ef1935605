import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { ensurePreference, type PreferenceView } from "./preferences-row";
import { preferencesPatchSchema } from "./preferences-schema";

/** GET /api/users/preferences/: the caller's preferences (the row is made on first read). */
export async function getMyPreferences(_input: unknown, ctx: UseCaseContext): Promise<PreferenceView> {
  return ensurePreference(ctx.db, requireSignedIn(ctx).id);
}

/** PATCH /api/users/preferences/: the fields given change, the others stay. */
export async function patchMyPreferences(input: unknown, ctx: UseCaseContext): Promise<PreferenceView> {
  const { id: userId } = requireSignedIn(ctx);
  const data = parseInput(preferencesPatchSchema, input);
  const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const view = await inTransaction(ctx.db, async (tx) => {
    await ensurePreference(tx, userId);
    const { count } = await tx.userPreference.updateMany({
      where: { userId, user: { isActive: true } },
      data: { ...changes, updatedAt: new Date() },
    });
    if (count !== 1) throw new DomainError("not_found", "Your account could not be found. Sign in again.", 404);
    return ensurePreference(tx, userId);
  });
  ctx.log.info({ event: "preferences.updated", userId, fields: Object.keys(changes) }, "preferences updated");
  return view;
}
