import { legacyActor, type UseCaseContext } from "../use-case/context";
import { requireStaffFlag } from "../actor";
import { listDevices, type Device } from "../auth/credentials/devices";
import { withTargetNames } from "../audit/names";
import { DomainError } from "../errors";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";

// Staff: one person in one place. Explicit selects everywhere: no password hash, token
// hash, session secret or invitation token leaves the database for this page.

const AUDIT_ROWS = 50;
const LIST_ROWS = 50;

/** Staff: one member by id (`input` is the id, as the page's path gives it). */
export async function getUserDetail(input: unknown, ctx: UseCaseContext) {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const userId = parseInput(idSchema("User id"), input);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      email: true,
      isStaff: true,
      isSuperuser: true,
      isActive: true,
      selfDeactivated: true,
      dateJoined: true,
      lastLogin: true,
      emailVerifiedAt: true,
      profile: {
        select: { role: true, displayName: true, firstName: true, lastName: true, bio: true, activeGuide: true, canInviteTeachers: true, createdAt: true, updatedAt: true },
      },
    },
  });
  if (!user) throw new DomainError("user_not_found", "No such user.", 404);
  const [devices, applications, invitationsSent, invitationsReceived, audit] = await Promise.all([
    listDevices(db, userId, null),
    db.guideApplication.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_ROWS,
      select: { id: true, status: true, subjectsToTeach: true, createdAt: true, reviewedAt: true, reviewedBy: { select: { id: true, username: true } } },
    }),
    db.teacherInvitation.findMany({
      where: { inviterId: userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_ROWS,
      select: { id: true, inviteeEmail: true, status: true, createdAt: true, acceptedAt: true, expiresAt: true, invitee: { select: { id: true, username: true } } },
    }),
    db.teacherInvitation.findMany({
      where: { inviteeId: userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LIST_ROWS,
      select: { id: true, status: true, createdAt: true, acceptedAt: true, inviter: { select: { id: true, username: true } } },
    }),
    // What was done to them and what they did, newest first.
    db.auditLog.findMany({
      where: { OR: [{ targetType: "User", targetId: userId }, { actorId: userId }] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_ROWS,
      select: { id: true, action: true, targetType: true, targetId: true, notes: true, details: true, createdAt: true, actor: { select: { id: true, username: true } } },
    }),
  ]);
  return { user, devices: devices as Device[], applications, invitationsSent, invitationsReceived, audit: await withTargetNames(db, audit) };
}

export type UserDetail = Awaited<ReturnType<typeof getUserDetail>>;
