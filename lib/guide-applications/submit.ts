import { recordAudit } from "../audit/record";
import { publicUrl } from "../config/public-base-url";
import type { Db } from "../db/client";
import { uniqueViolation } from "../db/errors";
import { inTransaction, type Tx } from "../db/transaction";
import { localeOrDefault, translator } from "../i18n/translator";
import { enqueueEmail } from "../outbox/enqueue";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { alreadyOpen, referrerUnknown } from "./messages";
import { submitGuideApplicationSchema } from "./submit-schema";
import { applicationViewSelect, toView, type GuideApplicationView } from "./view";
import { ciEquals, column } from "../db/sql";

const ONE_OPEN_INDEX = "GuideApplication_one_open_per_user";

/**
 * A signed-in user applies to teach. The partial unique index allows one pending or
 * approved application per user; the pre-check only words the refusal early. Staff
 * are notified through the outbox, in the same transaction.
 */
export async function submitGuideApplication(input: unknown, ctx: UseCaseContext): Promise<GuideApplicationView> {
  const actor = requireSignedIn(ctx);
  const { db, log } = ctx;
  const data = parseInput(submitGuideApplicationSchema, input);
  const referredById = data.referredBy ? await resolveReferrer(db, data.referredBy) : null;

  const open = await openApplicationStatus(db, actor.id);
  if (open) {
    log.info({ event: "guide_application.refused", userId: actor.id, reason: `already_${open}` }, "application refused");
    throw alreadyOpen(open);
  }

  try {
    const application = await inTransaction(db, async (tx) => {
      const created = await tx.guideApplication.create({
        data: {
          userId: actor.id,
          motivation: data.motivation,
          experience: data.experience ?? null,
          subjectsToTeach: data.subjectsToTeach,
          referredById,
        },
        select: applicationViewSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "guide_application.submitted",
        targetType: "GuideApplication",
        targetId: created.id,
      });
      await notifyStaff(tx, created.id, created.user.username, created.subjectsToTeach);
      return toView(created);
    });
    log.info({ event: "guide_application.submitted", applicationId: application.id, userId: actor.id }, "application submitted");
    return application;
  } catch (err) {
    if (uniqueViolation(err) === ONE_OPEN_INDEX) {
      // The index saw a committed open application: say which.
      const status = (await openApplicationStatus(db, actor.id)) ?? "pending";
      log.info({ event: "guide_application.refused", userId: actor.id, reason: `already_${status}`, via: "constraint" }, "application refused");
      throw alreadyOpen(status);
    }
    throw err;
  }
}

async function openApplicationStatus(db: Db, userId: number): Promise<"pending" | "approved" | null> {
  const open = await db.guideApplication.findFirst({
    where: { userId, status: { in: ["pending", "approved"] } },
    select: { status: true },
  });
  return (open?.status as "pending" | "approved" | undefined) ?? null;
}

async function resolveReferrer(db: Db, ref: { id: number } | { username: string }): Promise<number> {
  if ("id" in ref) {
    const user = await db.user.findUnique({ where: { id: ref.id }, select: { id: true } });
    if (!user) throw referrerUnknown();
    return user.id;
  }
  // Same case folding as the username index.
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "User" WHERE ${ciEquals(column("username"), ref.username)}`;
  if (!rows[0]) throw referrerUnknown();
  return rows[0].id;
}

async function notifyStaff(tx: Tx, applicationId: number, applicant: string, subjects: string): Promise<void> {
  const staff = await tx.user.findMany({
    // Staff imported without a usable email (NULL) are not written to.
    where: { isStaff: true, isActive: true, AND: [{ email: { not: null } }, { email: { not: "" } }] },
    select: { email: true, profile: { select: { locale: true } } },
    orderBy: { id: "asc" },
  });
  const link = publicUrl(`/admin/guide-applications/${applicationId}`);
  await enqueueEmail(
    tx,
    ...staff.flatMap((s) => (s.email === null ? [] : [{ email: s.email, t: translator(localeOrDefault(s.profile?.locale)) }])).map(({ email, t }) => ({
      kind: "guide_application.submitted",
      to: email,
      subject: t("mail.staffApplication.subject", { applicant }),
      text:
        `${t("mail.staffApplication.body", { applicant })}\n\n` +
        `${t("mail.staffApplication.subjects", { subjects })}\n\n` +
        `${t("mail.staffApplication.review", { link })}\n`,
    })),
  );
}
