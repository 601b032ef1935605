import { EMAIL_MAX } from "../users/field-limits";
import { PERSONAL_MESSAGE_MAX } from "../invitations/send-schema";
import { MONTHLY_LIMIT } from "../invitations/messages";
import { hashInvitationToken } from "../invitations/token";
import { cleanOptional, cleanText, type Conflicts } from "./conflicts";
import type { LegacyInvitation } from "./types";

export interface InvitationRow {
  id: number;
  inviterId: number;
  inviteeEmail: string;
  inviteeId: number | null;
  /** SHA-256 of the UUID as the old links carry it: the token itself is never stored. */
  tokenHash: string;
  personalMessage: string | null;
  status: "pending" | "accepted" | "expired" | "cancelled";
  createdAt: Date;
  acceptedAt: Date | null;
}

const STATUSES = new Set(["pending", "accepted", "expired", "cancelled"]);
const DAY_MS = 86_400_000;

/**
 * Invitations as our schema takes them. Expiry is always creation + 30 days in our schema
 * (a CHECK), so the writer computes it in SQL; a different old expiry is reported.
 */
export function repairInvitations(legacy: LegacyInvitation[], userIds: Set<number>, now: Date, conflicts: Conflicts): InvitationRow[] {
  const rows: InvitationRow[] = [];
  for (const i of legacy) {
    if (!userIds.has(i.inviter_id)) {
      conflicts.add("invitation_without_inviter", [i.id], "not imported: its inviter is not in the import");
      continue;
    }
    const email = cleanText(i.invitee_email, EMAIL_MAX, "invitee email", [i.id], conflicts).trim();
    if (email.indexOf("@") < 1) {
      conflicts.add("invalid_invitee_email", [i.id], "not imported: the invitee email is not an address");
      continue;
    }
    let status = i.status as InvitationRow["status"];
    if (!STATUSES.has(i.status)) {
      status = "cancelled";
      conflicts.add("unknown_invitation_status", [i.id], `status ${JSON.stringify(i.status.slice(0, 20))} imported as cancelled`);
    }
    const expiresAt = new Date(i.created_at.getTime() + 30 * DAY_MS);
    if (Math.abs(i.expires_at.getTime() - expiresAt.getTime()) > 1000) {
      conflicts.add("invitation_expiry_changed", [i.id], "expiry set to 30 days after creation, as every invitation here");
    }
    if (status === "pending" && expiresAt.getTime() <= now.getTime()) {
      status = "expired";
      conflicts.add("overdue_pending_invitation", [i.id], "past its expiry but still pending in the old system: imported as expired");
    }
    let acceptedAt = i.accepted_at;
    if (status === "accepted" && acceptedAt === null) {
      acceptedAt = i.created_at;
      conflicts.add("accepted_without_time", [i.id], "accepted without a time: its creation time recorded");
    } else if (status !== "accepted" && acceptedAt !== null) {
      acceptedAt = null;
      conflicts.add("stray_accepted_time", [i.id], `${status} but had an acceptance time: dropped`);
    }
    rows.push({
      id: i.id,
      inviterId: i.inviter_id,
      inviteeEmail: email,
      inviteeId: i.invitee_id !== null && userIds.has(i.invitee_id) ? i.invitee_id : null,
      tokenHash: hashInvitationToken(i.token),
      personalMessage: cleanOptional(i.personal_message, PERSONAL_MESSAGE_MAX, "personal message", [i.id], conflicts),
      status,
      createdAt: i.created_at,
      acceptedAt,
    });
  }

  // One pending invitation per inviter and address (any letter case): the newest stays.
  const pending = new Map<string, InvitationRow[]>();
  for (const r of rows) {
    if (r.status !== "pending") continue;
    const key = `${r.inviterId}|${r.inviteeEmail.toLowerCase()}`;
    pending.set(key, [...(pending.get(key) ?? []), r]);
  }
  for (const list of pending.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    const [keeper, ...older] = list;
    for (const r of older) r.status = "cancelled";
    conflicts.add("duplicate_pending_invitation", [keeper.id, ...older.map((r) => r.id)], `invitation ${keeper.id} stays pending; ${older.map((r) => r.id).join(", ")} cancelled`);
  }

  // The old limit (a 30-day window there, a calendar month here) was checked racily;
  // what got through is history, kept as it is and reported once per inviter.
  const byInviter = new Map<number, InvitationRow[]>();
  for (const r of rows) byInviter.set(r.inviterId, [...(byInviter.get(r.inviterId) ?? []), r]);
  for (const [inviterId, list] of byInviter) {
    list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    let widest: InvitationRow[] = [];
    for (let i = 0; i < list.length; i++) {
      const window = list.filter((r, j) => j >= i && r.createdAt.getTime() < list[i].createdAt.getTime() + 30 * DAY_MS);
      if (window.length > widest.length) widest = window;
    }
    if (widest.length > MONTHLY_LIMIT) {
      conflicts.add("invitation_limit_exceeded", widest.map((r) => r.id), `inviter ${inviterId} sent ${widest.length} within 30 days (limit ${MONTHLY_LIMIT} a month): kept as history`);
    }
  }
  return rows;
}
