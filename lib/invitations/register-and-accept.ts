import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import type { GuideProfile } from "../profiles/promote-to-guide";
import type { UseCaseContext } from "../use-case/context";
import { createUserWithProfile, prepareRegistration } from "../users/register";
import { limitRegistrationAttempt } from "../users/registration-limit";
import { parseInput } from "../validation/parse";
import { acceptInTransaction } from "./accept-core";
import { getInvitationByToken } from "./by-token";
import { expireOverdueInvitations } from "./expire";
import { notUsable } from "./messages";
import { hashInvitationToken } from "./token";
import { registerAndAcceptSchema } from "./token-schema";
import { invitationViewSelect, type InvitationView } from "./view";

export interface RegisteredInvitee {
  user: { id: number; username: string };
  invitation: InvitationView;
  profile: GuideProfile;
}

/**
 * A new person signs up from the invitation page: user, profile and acceptance in ONE
 * transaction, so either all happen or none. The email is the invitation's (the form
 * shows it fixed); the other fields follow the sign-up rules and messages exactly
 * (registerSchema, "Username already taken.", "Email already registered."). If the
 * invitation cannot be accepted when the transaction runs (cancelled meanwhile, say),
 * the new user is rolled back too.
 */
export async function registerAndAcceptInvitation(input: unknown, ctx: UseCaseContext): Promise<RegisteredInvitee> {
  const { db, log } = ctx;
  // A sign-up like any other: the same per-address limit (lib/users/registration-limit.ts).
  await limitRegistrationAttempt(ctx);
  const { token, username, password, role, bio, locale } = parseInput(registerAndAcceptSchema, input);
  // Unknown token -> 404; marks an overdue one expired; then refuse anything not pending.
  const invitation = await getInvitationByToken({ token }, ctx);
  if (invitation.status !== "pending") throw notUsable(invitation.status);

  const registration = await prepareRegistration({ username, password, role, bio, locale, email: invitation.inviteeEmail }, db, log);
  const tokenHash = hashInvitationToken(token);

  let overdueId: number | undefined;
  let outcome;
  try {
    outcome = await inTransaction(db, async (tx) => {
      const user = await createUserWithProfile(tx, registration, log);
      const result = await acceptInTransaction(tx, { tokenHash }, user.id);
      if (!result.ok) {
        overdueId = result.overdueId;
        throw result.error; // rolls the new user back with it
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: "invitation.accepted",
        targetType: "TeacherInvitation",
        targetId: result.invitationId,
        details: { inviteeId: user.id, profile: { ...result.profile }, newAccount: true },
      });
      return { user, ...result };
    });
  } catch (err) {
    if (overdueId) await expireOverdueInvitations({ invitationId: overdueId }, ctx);
    throw err;
  }

  log.info({ event: "registration.succeeded", userId: outcome.user.id, role: outcome.profile.role, via: "invitation" }, "user registered");
  log.info({ event: "invitation.accepted", invitationId: outcome.invitationId, inviteeId: outcome.user.id, by: outcome.user.id }, "invitation accepted");
  const accepted = await db.teacherInvitation.findUniqueOrThrow({ where: { id: outcome.invitationId }, select: invitationViewSelect });
  return { user: outcome.user, invitation: accepted, profile: outcome.profile };
}
