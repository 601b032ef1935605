import { recordAudit } from "../audit/record";
import { accountDeletedEmail } from "../mail/notices";
import { localeOrDefault } from "../i18n/translator";
import { enqueueEmail } from "../outbox/enqueue";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { mediaStorage, type MediaStorage } from "../media/storage";
import { confirmOwnPassword, passwordIn, PASSWORD_INCORRECT } from "./confirm-own-password";
import { requireRecentSecondFactor, stepUpCode } from "../two-factor/step-up";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { Prisma } from "../db/generated/client";
import { lockUserRow } from "../db/sql";

// A person deletes their own account, for good, in one transaction:
// - the User row goes, and with it (foreign keys, ON DELETE CASCADE) the profile,
//   sessions, API tokens and their guide applications;
// - the invitations they sent that are still pending are deleted here first; the rest
//   (accepted, expired, cancelled) are others' history and stay with the inviter gone;
// - rows others' history depends on keep it without the person (ON DELETE SET NULL:
//   an application they referred or reviewed, an invitation they sent and that is no
//   longer pending or that they accepted, audit rows they acted in);
// - audit rows about them keep action, target id and time, but lose notes and details
//   (personal data such as a deactivation reason): the append-only trigger permits
//   exactly this inside a transaction that sets zporta.audit_erasure (migration
//   20261201000200_sessions);
// - the username and email are free again (nothing else holds them).
// A failure anywhere rolls all of it back.

export const DELETE_PASSWORD_REQUIRED = "Enter your password to delete your account.";
export const DELETE_USERNAME_MISMATCH = "Type your username exactly as shown to confirm.";
export { PASSWORD_INCORRECT };

/**
 * Who must confirm what, by the credential asking (ctx.credential):
 * - a browser (the page, or the JSON API with the session cookie) confirms with the
 *   password (`password`), counted like a sign-in; an API token need not (the old API's
 *   no-body DELETE, which its clients call);
 * - the page's form (ctx.adapter "action") also asks for the username as the member typed
 *   it (`confirm_username`), compared with the locked row so a rename in between refuses.
 *   The JSON API sends none (its contract is fixed);
 * - with 2FA on, a recent second factor on the credential, or `code` confirmed in place
 *   (issue 20).
 * `storage`: where the profile's images are (removed after the account is gone); tests
 * pass their own.
 */
export async function deleteOwnAccount(input: unknown, ctx: UseCaseContext & { storage?: MediaStorage }): Promise<{ username: string }> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const credential = ctx.credential ?? null;
  await requireRecentSecondFactor(ctx.db, userId, credential, stepUpCode(input), log);
  const typedUsername = ctx.adapter === "action" ? (typedUsernameIn(input) ?? "") : undefined;
  const verifiedHash =
    credential?.kind === "browser"
      ? await confirmOwnPassword(ctx.db, userId, { password: passwordIn(input), ip: ctx.ip, limiters: ctx.limiters }, DELETE_PASSWORD_REQUIRED)
      : null;
  const { username, images } = await inTransaction(ctx.db, async (tx) => {
    const rows = await lockUserRow<{ username: string; email: string | null; passwordHash: string }>(
      tx,
      userId,
      Prisma.sql`"username", "email", "passwordHash"`,
      Prisma.sql`"isActive"`,
    );
    if (!rows[0]) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
    if (verifiedHash !== null && rows[0].passwordHash !== verifiedHash) throw new DomainError("invalid", PASSWORD_INCORRECT, 400, { password: PASSWORD_INCORRECT });
    if (typedUsername !== undefined && typedUsername !== rows[0].username) {
      throw new DomainError("invalid", DELETE_USERNAME_MISMATCH, 400, { confirm_username: DELETE_USERNAME_MISMATCH });
    }
    await tx.$executeRaw`SELECT set_config('zporta.audit_erasure', 'on', true)`;
    await tx.$executeRaw`
      UPDATE "AuditLog" SET "notes" = NULL, "details" = NULL
      WHERE "targetType" = 'User' AND "targetId" = ${userId} AND ("notes" IS NOT NULL OR "details" IS NOT NULL)`;
    await tx.$executeRaw`SELECT set_config('zporta.audit_erasure', 'off', true)`;
    // Row locks: an accept holding one of these rows finishes first and the row, no longer
    // pending, stays; a pending row deleted here is gone for an accept waiting on it (it
    // answers "not found"). No new one can appear: sending takes a key-share lock on this
    // User row, which waits for this transaction. Any pending row left would break the
    // CHECK "TeacherInvitation_pending_has_inviter" below and roll all of this back.
    await tx.$executeRaw`DELETE FROM "TeacherInvitation" WHERE "inviterId" = ${userId} AND "status" = 'pending'`;
    const pictures = await tx.profile.findUnique({
      where: { userId },
      select: { profileImage: true, showcaseImage1: true, showcaseImage2: true, showcaseImage3: true, locale: true },
    });
    // Read before the delete takes the profile with it: the goodbye is in their language.
    const { locale: savedLocale, ...images } = pictures ?? { locale: null };
    await tx.user.delete({ where: { id: userId }, select: { id: true } });
    // Written after the delete: actor null (the person is gone), no name, no email.
    await recordAudit(tx, { actorId: null, action: "account.deleted", targetType: "User", targetId: userId, details: { by: "self" } });
    // The goodbye is the one trace of the address left: an outbox row, until delivered.
    if (rows[0].email) await enqueueEmail(tx, accountDeletedEmail({ username: rows[0].username, email: rows[0].email, locale: localeOrDefault(savedLocale) }));
    return { username: rows[0].username, images: Object.values(images).filter((k): k is string => k !== null) };
  });
  log.info({ event: "account.deleted", userId, by: "self" }, "account deleted by its owner");
  // Only once the account is gone for good: a rolled-back deletion keeps its pictures.
  const storage = ctx.storage ?? mediaStorage();
  for (const key of images) {
    await storage.delete(key).catch((err: unknown) => log.warn({ event: "media.delete_failed", key, err }, "a media file could not be removed"));
  }
  return { username };
}

function typedUsernameIn(input: unknown): unknown {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>).confirm_username : undefined;
}
