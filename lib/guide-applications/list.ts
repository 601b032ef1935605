import { requireStaffFlag, type Actor } from "../actor";
import type { Db } from "../db/client";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { guideApplicationIdSchema, listGuideApplicationsSchema } from "./list-schema";
import { NOT_FOUND } from "./messages";
import { applicationViewSelect, toView, type GuideApplicationView } from "./view";

/**
 * Staff: applications filtered by status, pending first, then oldest first.
 * Non-staff are refused with 403 "Admin permission required.".
 */
export async function listGuideApplications(input: unknown, actor: Actor, db: Db): Promise<Page<GuideApplicationView>> {
  requireStaffFlag(actor);
  const { status, page, pageSize } = parseInput(listGuideApplicationsSchema, input ?? {});
  // Prisma cannot order by an expression; the id list comes from SQL, the rows from Prisma.
  const offset = (page - 1) * pageSize;
  const ids = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "GuideApplication"
    WHERE ${status ?? null}::"GuideApplicationStatus" IS NULL OR "status" = ${status ?? null}::"GuideApplicationStatus"
    ORDER BY ("status" = 'pending') DESC, "createdAt" ASC, "id" ASC
    LIMIT ${pageSize} OFFSET ${offset}`;
  const [rows, total] = await Promise.all([
    db.guideApplication.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: applicationViewSelect }),
    db.guideApplication.count({ where: status ? { status } : {} }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, toView(r)]));
  const items = ids.map((r) => byId.get(r.id)).filter((v): v is GuideApplicationView => v !== undefined);
  return pageOf(items, total, page, pageSize);
}

/** Staff: one application with its full text. */
export async function getGuideApplication(input: unknown, actor: Actor, db: Db): Promise<GuideApplicationView> {
  requireStaffFlag(actor);
  const { applicationId } = parseInput(guideApplicationIdSchema, input);
  const row = await db.guideApplication.findUnique({ where: { id: applicationId }, select: applicationViewSelect });
  if (!row) throw NOT_FOUND();
  return toView(row);
}

/** The signed-in user's most recent application (any status), or null. */
export async function getMyLatestGuideApplication(actor: Pick<Actor, "id">, db: Db): Promise<GuideApplicationView | null> {
  const row = await db.guideApplication.findFirst({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: applicationViewSelect,
  });
  return row ? toView(row) : null;
}
