import { recordAudit } from "../../audit/record";
import type { Db } from "../../db/client";
import { inTransaction } from "../../db/transaction";
import { DomainError } from "../../errors";
import { logger, type Logger } from "../../log/logger";
import type { Credential } from "../who/request";
import { sessionIdleDays } from "./session-rows";
import { lockUser } from "../../db/sql";

// Where a person is signed in: their live browser sessions and API tokens, as one list
// ("devices"), and the ways to end them. A device's public id is "browser-<row id>" or
// "api-<row id>": it names a row the person owns and is never a credential (the secrets
// exist only in the cookie and the client; the rows keep their SHA-256).

export type DeviceKind = "browser" | "api";

export interface Device {
  id: string;
  kind: DeviceKind;
  createdAt: Date;
  lastSeenAt: Date | null;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

const PUBLIC_ID = /^(browser|api)-([1-9][0-9]{0,9})$/;

export function publicDeviceId(credential: Credential): string {
  return `${credential.kind}-${credential.id}`;
}

/** The credential a public id names, or null when it has not the shape of one. */
export function parseDeviceId(value: unknown): Credential | null {
  const match = typeof value === "string" ? PUBLIC_ID.exec(value) : null;
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { kind: match[1] as DeviceKind, id };
}

function sameCredential(a: Credential | null, b: Credential): boolean {
  return !!a && a.kind === b.kind && a.id === b.id;
}

/** The user's live sessions and tokens, most recently used first. */
export async function listDevices(db: Db, userId: number, current: Credential | null): Promise<Device[]> {
  const idle = sessionIdleDays();
  const rows = await db.$queryRaw<{ kind: DeviceKind; id: number; createdAt: Date; lastSeenAt: Date | null; ip: string | null; userAgent: string | null }[]>`
    SELECT 'browser' AS "kind", "id", "createdAt", "lastSeenAt", "ip", "userAgent" FROM "Session"
    WHERE "userId" = ${userId} AND "expiresAt" > now() AND "lastSeenAt" > now() - make_interval(days => ${idle}::int)
    UNION ALL
    SELECT 'api', "id", "createdAt", "lastUsedAt", "ip", "userAgent" FROM "ApiToken"
    WHERE "userId" = ${userId} AND "expiresAt" > now()
    ORDER BY 4 DESC NULLS LAST, 3 DESC`;
  return rows.map((r) => ({ ...r, id: publicDeviceId({ kind: r.kind, id: r.id }), current: sameCredential(current, { kind: r.kind, id: r.id }) }));
}

export function sessionNotFound(): DomainError {
  return new DomainError("session_not_found", "Session not found.", 404);
}

/**
 * Ends one of the user's sessions or tokens by its public id. Another user's id, a
 * malformed one and an already ended one are all "not found" (404): the answer does not
 * tell whether someone else's session exists.
 */
export async function endDevice(db: Db, userId: number, publicId: unknown, log: Logger = logger): Promise<void> {
  const target = parseDeviceId(publicId);
  if (!target) throw sessionNotFound();
  await inTransaction(db, async (tx) => {
    const deleted =
      target.kind === "browser"
        ? await tx.session.deleteMany({ where: { id: target.id, userId } })
        : await tx.apiToken.deleteMany({ where: { id: target.id, userId } });
    if (deleted.count === 0) throw sessionNotFound();
    await recordAudit(tx, { actorId: userId, action: "session.revoked", targetType: "User", targetId: userId, details: { kind: target.kind, id: target.id } });
  });
  log.info({ event: "session.revoked", userId, kind: target.kind, id: target.id }, "session ended by its owner");
}

/**
 * Ends every session and token of the user except `keep` (the one asking, when there is
 * one). Calls for one user take turns on the user's row lock, then one DELETE … RETURNING
 * per table in the same transaction: simultaneous calls end disjoint sets of rows (each
 * row once), so the counts they report add up.
 * Only rows that were still live are counted.
 */
export async function endOtherDevices(
  db: Db,
  userId: number,
  keep: Credential | null,
  opts: { actorId?: number | null; reason?: string; log?: Logger } = {},
): Promise<number> {
  const log = opts.log ?? logger;
  const idle = sessionIdleDays();
  const keepSession = keep?.kind === "browser" ? keep.id : 0;
  const keepToken = keep?.kind === "api" ? keep.id : 0;
  const revoked = await inTransaction(db, async (tx) => {
    // One user's "end the others" calls take turns on the user's row: without it two
    // calls each keeping their own token would lock each other's rows in opposite order.
    await lockUser(tx, userId);
    const rows = await tx.$queryRaw<{ sessions: bigint; tokens: bigint }[]>`
      WITH s AS (
        DELETE FROM "Session" WHERE "userId" = ${userId} AND "id" <> ${keepSession}
        RETURNING ("expiresAt" > now() AND "lastSeenAt" > now() - make_interval(days => ${idle}::int)) AS live
      ), t AS (
        DELETE FROM "ApiToken" WHERE "userId" = ${userId} AND "id" <> ${keepToken}
        RETURNING ("expiresAt" > now()) AS live
      )
      SELECT (SELECT count(*) FROM s WHERE live) AS sessions, (SELECT count(*) FROM t WHERE live) AS tokens`;
    const sessions = Number(rows[0].sessions);
    const tokens = Number(rows[0].tokens);
    // "Sign out everywhere" also ends "trust this browser" (issue 20): the next sign-in anywhere asks for the code.
    await tx.trustedBrowser.deleteMany({ where: { userId } });
    if (sessions + tokens > 0) {
      await recordAudit(tx, {
        actorId: opts.actorId === undefined ? userId : opts.actorId,
        action: "session.revoked_others",
        targetType: "User",
        targetId: userId,
        details: { sessions, tokens, reason: opts.reason ?? "user" },
      });
    }
    return sessions + tokens;
  });
  log.info({ event: "session.revoked_others", userId, revoked, reason: opts.reason ?? "user", actorId: opts.actorId ?? userId }, "other sessions ended");
  return revoked;
}

/** The old API's heartbeat: marks the asking session or token as seen now. */
export async function heartbeat(db: Db, userId: number, credential: Credential): Promise<Date> {
  const rows =
    credential.kind === "browser"
      ? await db.$queryRaw<{ at: Date }[]>`UPDATE "Session" SET "lastSeenAt" = now() WHERE "id" = ${credential.id} AND "userId" = ${userId} RETURNING "lastSeenAt" AS at`
      : await db.$queryRaw<{ at: Date }[]>`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE "id" = ${credential.id} AND "userId" = ${userId} RETURNING "lastUsedAt" AS at`;
  // Ended between authentication and this update: signed out, like any other request.
  if (!rows[0]) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
  return rows[0].at;
}
