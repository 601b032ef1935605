import { OPERATOR, type Actor } from "../../lib/actor";
import type { Credential } from "../../lib/auth/who/request";
import type { Db } from "../../lib/db/client";
import { logger } from "../../lib/log/logger";
import { OPERATOR_ACTOR, signedInActor, type UseCaseContext } from "../../lib/use-case/context";

/**
 * The context a staff use case is called with, for tests (and e2e set-up) that call it
 * directly: the OPERATOR object is the console's operator, any other actor a signed-in
 * account (member or staff by its flag); `sessionId` is the browser session acting ("view
 * as", step-up). No helpers import: e2e set-up uses it outside vitest.
 */
export function staffContext(actor: Actor, db: Db, extra: { sessionId?: number; credential?: Credential | null } = {}): UseCaseContext {
  if (actor === OPERATOR) return { db, log: logger, actor: OPERATOR_ACTOR, ip: "" };
  const credential = extra.credential ?? (extra.sessionId === undefined ? null : { kind: "browser" as const, id: extra.sessionId });
  return { db, log: logger, actor: signedInActor(actor, "session"), ip: "127.0.0.1", credential };
}
