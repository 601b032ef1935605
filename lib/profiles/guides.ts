import type { Profile } from "../db/generated/client";
import { DomainError } from "../errors";
import { containsPattern } from "../admin/users-list";
import { storageOf, type MediaUseCaseContext } from "../media/context";
import { parseInput } from "../validation/parse";
import { publicProfileToApi, type PublicProfileSource } from "./api-shape";
import { guideListSchema, guideUsernameSchema } from "./guides-schema";
import { guideSeo } from "./seo";

const GUIDE_ROLES = ["guide", "both"] as const;
const userSelect = { id: true, username: true, dateJoined: true } as const;

type Row = Profile & { user: PublicProfileSource["user"] };
const toSource = ({ user, ...profile }: Row): PublicProfileSource => ({ user, profile: profile as Profile });

/**
 * The public list of guides (GET /api/users/guides/): active members whose role is guide
 * or both, newest first; with `search`, those whose username contains it (any letter
 * case), by username, as the live view did. Never an email address.
 */
export async function listGuides(input: unknown, ctx: MediaUseCaseContext) {
  const { search, limit } = parseInput(guideListSchema, input);
  let rows: Row[];
  if (search === undefined) {
    rows = await ctx.db.profile.findMany({
      where: { role: { in: [...GUIDE_ROLES] }, user: { isActive: true } },
      include: { user: { select: userSelect } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
  } else {
    // ILIKE with the search text taken literally (a "%" or "_" matches only itself).
    const ids = await ctx.db.$queryRaw<{ id: number }[]>`
      SELECT p."id" FROM "Profile" p JOIN "User" u ON u."id" = p."userId"
      WHERE p."role" IN ('guide', 'both') AND u."isActive" AND u."username" ILIKE ${containsPattern(search)}
      ORDER BY u."username", u."id"
      LIMIT ${limit}`;
    const found = await ctx.db.profile.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      include: { user: { select: userSelect } },
    });
    const byId = new Map(found.map((r) => [r.id, r]));
    rows = ids.map((r) => byId.get(r.id)).filter((r): r is Row => r !== undefined);
  }
  const storage = storageOf(ctx);
  return rows.map((r) => publicProfileToApi(toSource(r), storage));
}

const guideNotFound = () => new DomainError("not_found", "Guide profile not found.", 404);

/**
 * One guide's public page data (GET /api/users/guides/<username>/): the profile and its SEO
 * block. Only guides are public here; the live view answered for any username (with the
 * email address), which let anyone list who is a member.
 */
export async function getPublicGuide(input: unknown, ctx: MediaUseCaseContext) {
  const parsed = guideUsernameSchema.safeParse(input);
  if (!parsed.success) throw guideNotFound();
  const row = await ctx.db.profile.findFirst({
    where: {
      role: { in: [...GUIDE_ROLES] },
      user: { isActive: true, username: { equals: parsed.data.username.normalize("NFKC"), mode: "insensitive" } },
    },
    include: { user: { select: userSelect } },
  });
  if (!row) throw guideNotFound();
  const profile = publicProfileToApi(toSource(row), storageOf(ctx));
  return { profile, seo: guideSeo(profile) };
}
