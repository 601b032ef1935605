import { requireStaffFlag } from "../actor";
import type { Prisma } from "../db/client";
import { legacyActor, requireSignedIn, type UseCaseContext } from "../use-case/context";
import { dayAfter, dayStart } from "../validation/day";
import { parseInput } from "../validation/parse";
import { pageOf, type Page } from "../validation/pagination";
import { expireOverdueInvitations } from "./expire";
import { MONTHLY_LIMIT } from "./messages";
import { listInvitationsSchema } from "./list-schema";
import { countThisMonth } from "./send";
import { invitationViewSelect, type InvitationView } from "./view";

export interface MyInvitations {
  invitations: InvitationView[];
  /** Invitations created this calendar month (UTC), whatever became of them. */
  monthlyCount: number;
  remainingThisMonth: number;
  /** The profile's canInviteTeachers (the permission, not the monthly room). */
  canInvite: boolean;
}

/** The inviter's page and GET /api/users/invitations/: newest first, with the month's count. Takes no input. */
export async function listMyInvitations(_input: unknown, ctx: UseCaseContext): Promise<MyInvitations> {
  const actor = requireSignedIn(ctx);
  const { db } = ctx;
  await expireOverdueInvitations({ inviterId: actor.id }, ctx);
  const [invitations, monthlyCount, profile] = await Promise.all([
    db.teacherInvitation.findMany({
      where: { inviterId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: invitationViewSelect,
    }),
    countThisMonth(db, actor.id),
    db.profile.findUnique({ where: { userId: actor.id }, select: { canInviteTeachers: true } }),
  ]);
  return {
    invitations,
    monthlyCount,
    remainingThisMonth: Math.max(0, MONTHLY_LIMIT - monthlyCount),
    canInvite: profile?.canInviteTeachers ?? false,
  };
}

/** Staff: every invitation, newest first; filter by status, inviter and days sent, search by email. */
export async function listInvitations(input: unknown, ctx: UseCaseContext): Promise<Page<InvitationView>> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const q = parseInput(listInvitationsSchema, input ?? {});
  await expireOverdueInvitations("all", ctx);
  const inviter: Prisma.TeacherInvitationWhereInput = q.inviter
    ? /^\d+$/.test(q.inviter)
      ? { OR: [{ inviterId: Number(q.inviter) }, { inviter: { username: { equals: q.inviter, mode: "insensitive" } } }] }
      : { inviter: { username: { equals: q.inviter, mode: "insensitive" } } }
    : {};
  const where: Prisma.TeacherInvitationWhereInput = {
    ...(q.status ? { status: q.status } : {}),
    ...inviter,
    ...(q.email ? { inviteeEmail: { contains: q.email, mode: "insensitive" } } : {}),
    // UTC days, both included (what the overview's "invitations this month" counts).
    ...(q.sentFrom || q.sentTo
      ? { createdAt: { ...(q.sentFrom ? { gte: dayStart(q.sentFrom) } : {}), ...(q.sentTo ? { lt: dayAfter(q.sentTo) } : {}) } }
      : {}),
  };
  const [items, total] = await Promise.all([
    db.teacherInvitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: invitationViewSelect,
    }),
    db.teacherInvitation.count({ where }),
  ]);
  return pageOf(items, total, q.page, q.pageSize);
}
