import { requireActiveStaff, requireStaffFlag } from "../actor";
import { recordAudit } from "../audit/record";
import { guideApplicationDecidedEmail } from "../mail/notices";
import { recipientLocale } from "../mail/recipient-locale";
import { enqueueEmail } from "../outbox/enqueue";
import { inTransaction } from "../db/transaction";
import { promoteToGuide, type GuideProfile } from "../profiles/promote-to-guide";
import { legacyActor, type UseCaseContext } from "../use-case/context";
import { parseInput } from "../validation/parse";
import { decisionChoiceSchema, guideApplicationDecisionSchema } from "./decision-schema";
import { alreadyDecided, NOT_FOUND } from "./messages";
import { applicationViewSelect, toView, type GuideApplicationView } from "./view";

export interface DecisionResult {
  application: GuideApplicationView;
  /** The applicant's profile after an approval; null after a rejection. */
  profile: GuideProfile | null;
}

const DECIDED = { approve: "approved", reject: "rejected" } as const;

/**
 * Staff approve or reject (input `decision`: "approve" | "reject", beside
 * guideApplicationDecisionSchema's fields), only from `pending`: one conditional UPDATE
 * whose row count decides. Two staff deciding at once both reach the row; the second
 * waits for the first's lock, re-reads the status, matches nothing and is told who won.
 * The profile change and the audit row commit with the decision or not at all.
 */
export async function decideGuideApplication(input: unknown, ctx: UseCaseContext): Promise<DecisionResult> {
  const actor = legacyActor(ctx);
  requireStaffFlag(actor);
  const decision = DECIDED[parseInput(decisionChoiceSchema, input).decision];
  const { applicationId, adminNotes } = parseInput(guideApplicationDecisionSchema, input);

  const outcome = await inTransaction(ctx.db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const decided = await tx.$queryRaw<{ userId: number }[]>`
      UPDATE "GuideApplication"
      SET "status" = ${decision}::"GuideApplicationStatus",
          "reviewedById" = ${actor.id},
          "reviewedAt" = now(),
          "adminNotes" = COALESCE(${adminNotes ?? null}::text, "adminNotes"),
          "updatedAt" = now()
      WHERE "id" = ${applicationId} AND "status" = 'pending'
      RETURNING "userId"`;
    if (decided.length !== 1) {
      const current = await tx.guideApplication.findUnique({ where: { id: applicationId }, select: { status: true } });
      return { ok: false as const, status: current?.status ?? null };
    }
    const { userId } = decided[0];
    const profile = decision === "approved" ? await promoteToGuide(tx, userId) : null;
    await recordAudit(tx, {
      actorId: actor.id,
      action: `guide_application.${decision}`,
      targetType: "GuideApplication",
      targetId: applicationId,
      notes: adminNotes ?? null,
      details: { applicantId: userId, ...(profile ? { profile: { ...profile } } : {}) },
    });
    // The pending page promises "we will let you know": this is that message, committed
    // with the decision (a rolled-back decision sends nothing).
    const applicant = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { username: true, email: true } });
    if (applicant.email) {
      await enqueueEmail(tx, guideApplicationDecidedEmail({ username: applicant.username, email: applicant.email, locale: await recipientLocale(tx, userId) }, decision, adminNotes));
    }
    const application = await tx.guideApplication.findUniqueOrThrow({
      where: { id: applicationId },
      select: applicationViewSelect,
    });
    return { ok: true as const, application: toView(application), profile };
  });

  if (!outcome.ok) {
    if (outcome.status === null) throw NOT_FOUND();
    // Only a decided application fails the `pending` condition.
    const status = outcome.status as "approved" | "rejected";
    ctx.log.info({ event: "guide_application.stale_decision", applicationId, attempted: decision, current: status, staffId: actor.id }, "application already decided");
    throw alreadyDecided(status);
  }
  ctx.log.info(
    { event: `guide_application.${decision}`, applicationId, staffId: actor.id, applicantId: outcome.application.applicant.id },
    `application ${decision}`,
  );
  return { application: outcome.application, profile: outcome.profile };
}

/** `input` with the decision the caller's path names; anything but an object is left for the schema to refuse. */
export function withDecision(input: unknown, decision: "approve" | "reject"): unknown {
  return typeof input === "object" && input !== null && !Array.isArray(input) ? { ...input, decision } : input;
}
