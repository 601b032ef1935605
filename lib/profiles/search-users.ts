import { containsPattern } from "../admin/users-list";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { userSearchSchema } from "./guides-schema";

export const USER_SEARCH_LIMIT = 20;

/**
 * GET /api/users/search/?q= (signed-in members, e.g. to share a quiz): active members whose
 * username or display name contains `q`, any letter case, by username. Id, username and
 * display name only: the live view also answered every match's email address.
 */
export async function searchUsers(input: unknown, ctx: UseCaseContext) {
  requireSignedIn(ctx);
  const { q } = parseInput(userSearchSchema, input);
  if (q === "") return [];
  const pattern = containsPattern(q);
  const rows = await ctx.db.$queryRaw<{ id: number; username: string; displayName: string | null }[]>`
    SELECT u."id", u."username", p."displayName"
    FROM "User" u JOIN "Profile" p ON p."userId" = u."id"
    WHERE u."isActive" AND (u."username" ILIKE ${pattern} OR p."displayName" ILIKE ${pattern})
    ORDER BY u."username", u."id"
    LIMIT ${USER_SEARCH_LIMIT}`;
  return rows.map((r) => ({ id: r.id, username: r.username, display_name: r.displayName ?? "" }));
}
