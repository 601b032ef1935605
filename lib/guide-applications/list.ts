import { requireStaffFlag } from "../actor";
import { Prisma } from "../db/generated/client";
import { legacyActor, requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { guideApplicationIdSchema, listGuideApplicationsSchema } from "./list-schema";
import { NOT_FOUND } from "./messages";
import { applicationViewSelect, toView, type GuideApplicationView } from "./view";

/**
 * Staff: applications filtered by status and applicant, pending first, then oldest first.
 * Non-staff are refused with 403 "Admin permission required.".
 */
export async function listGuideApplications(input: unknown, ctx: UseCaseContext): Promise<Page<GuideApplicationView>> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const { status, applicant, page, pageSize } = parseInput(listGuideApplicationsSchema, input ?? {});
  // Prisma cannot order by an expression; the id list comes from SQL, the rows from Prisma.
  const offset = (page - 1) * pageSize;
  const where = Prisma.sql`
    WHERE (${status ?? null}::"GuideApplicationStatus" IS NULL OR g."status" = ${status ?? null}::"GuideApplicationStatus")
      AND (${applicant ?? null}::text IS NULL OR strpos(lower(u."username"), lower(${applicant ?? null}::text)) > 0)`;
  const [ids, [{ total }]] = await Promise.all([
    db.$queryRaw<{ id: number }[]>`
      SELECT g."id" FROM "GuideApplication" g JOIN "User" u ON u."id" = g."userId"
      ${where}
      ORDER BY (g."status" = 'pending') DESC, g."createdAt" ASC, g."id" ASC
      LIMIT ${pageSize} OFFSET ${offset}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS "total" FROM "GuideApplication" g JOIN "User" u ON u."id" = g."userId"
      ${where}`,
  ]);
  const rows = await db.guideApplication.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: applicationViewSelect });
  const byId = new Map(rows.map((r) => [r.id, toView(r)]));
  const items = ids.map((r) => byId.get(r.id)).filter((v): v is GuideApplicationView => v !== undefined);
  return pageOf(items, total, page, pageSize);
}

/** Staff: one application with its full text. */
export async function getGuideApplication(input: unknown, ctx: UseCaseContext): Promise<GuideApplicationView> {
  requireStaffFlag(legacyActor(ctx));
  const { applicationId } = parseInput(guideApplicationIdSchema, input);
  const row = await ctx.db.guideApplication.findUnique({ where: { id: applicationId }, select: applicationViewSelect });
  if (!row) throw NOT_FOUND();
  return toView(row);
}

/** The signed-in user's most recent application (any status), or null. Takes no input. */
export async function getMyLatestGuideApplication(_input: unknown, ctx: UseCaseContext): Promise<GuideApplicationView | null> {
  const { id } = requireSignedIn(ctx);
  const row = await ctx.db.guideApplication.findFirst({
    where: { userId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: applicationViewSelect,
  });
  return row ? toView(row) : null;
}
