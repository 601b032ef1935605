import type pg from "pg";
import type { InvitationRow } from "./repair-invitations";
import type { KeyedTable } from "./write-keyed";

function arrays(rows: InvitationRow[]) {
  return [
    rows.map((r) => r.id),
    rows.map((r) => r.inviterId),
    rows.map((r) => r.inviteeEmail),
    rows.map((r) => r.inviteeId),
    rows.map((r) => r.tokenHash),
    rows.map((r) => r.personalMessage),
    rows.map((r) => r.status),
    rows.map((r) => r.createdAt),
    rows.map((r) => r.acceptedAt),
  ];
}

const UNNEST = `unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
  AS v(id, inviter, email, invitee, token_hash, message, status, created, accepted)`;

// Expiry is computed as our CHECK states it (creation + 30 days), never copied.
export const invitationsTable: KeyedTable<InvitationRow> = {
  entity: "invitation",
  table: "TeacherInvitation",
  report: "invitations",
  async insert(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `INSERT INTO "TeacherInvitation" ("id", "inviterId", "inviteeEmail", "inviteeId", "tokenHash", "personalMessage", "status",
                                        "createdAt", "acceptedAt", "expiresAt")
       SELECT v.id, v.inviter, v.email, v.invitee, v.token_hash, v.message, v.status::"InvitationStatus",
              v.created, v.accepted, v.created + interval '30 days'
       FROM ${UNNEST}`,
      arrays(rows),
    );
  },
  async update(c: pg.ClientBase, rows) {
    if (rows.length === 0) return;
    await c.query(
      `UPDATE "TeacherInvitation" i SET "inviteeEmail" = v.email, "inviteeId" = v.invitee, "personalMessage" = v.message,
              "status" = v.status::"InvitationStatus", "acceptedAt" = v.accepted
       FROM ${UNNEST}
       WHERE i."id" = v.id`,
      arrays(rows),
    );
  },
};
