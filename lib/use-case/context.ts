import { OPERATOR, type Actor as LegacyActor } from "../actor";
import type { Db } from "../db/client";
import type { Logger } from "../log/logger";
import { notAuthenticated } from "../auth/who/guards";
import type { Credential } from "../auth/who/request";
import type { Limiters } from "../security/rate-limits";

/** How the acting person proved who they are, as far as the adapter knows. */
export type AuthVia = "session" | "api_token" | "password" | "magic_link" | "google" | "passkey" | "invitation";

/**
 * Who is acting. The kind is set once by the adapter that built the context; the use
 * case reads it instead of taking a separate user parameter. `operator` is the person
 * at the console (`npm run manage`), who has no user row.
 */
export type ActorContext =
  | { kind: "anonymous" }
  | { kind: "member" | "staff"; id: number; isStaff: boolean; isSuperuser?: boolean; via: AuthVia; mfaAt?: Date | null }
  | { kind: "operator" };

export const ANONYMOUS: ActorContext = Object.freeze({ kind: "anonymous" });
export const OPERATOR_ACTOR: ActorContext = Object.freeze({ kind: "operator" });

/**
 * What every use case receives beside its input: `(input: unknown, ctx: UseCaseContext)`.
 * `limiters` is absent in production (the process's own, from the environment); tests give
 * their own so their counters never meet the server's.
 */
/** Which kind of adapter built the context (set by its builder). */
export type AdapterKind = "route" | "action" | "cli" | "next-auth";

export interface UseCaseContext {
  db: Db;
  /** Carries the request id (and the client address on routes) on every line. */
  log: Logger;
  requestId?: string;
  actor: ActorContext;
  /** The client's address as lib/http/client-ip.ts reads it; "" when there is no client (CLI). */
  ip: string;
  userAgent?: string;
  /**
   * The browser session or API token the actor used, where the adapter knows it: the
   * recent-second-factor check of sensitive actions, and actions on the own browser
   * session ("view as"). Absent for the operator and anonymous callers.
   */
  credential?: Credential | null;
  /**
   * The adapter that built this context. A few rules differ by door, and the use case owns
   * them: the JSON API with a browser's cookie confirms a self-deactivation with the
   * password where the page's own button (behind Next's origin check) does not; the page's
   * deletion form also asks for the typed username. Absent in tests unless given.
   */
  adapter?: AdapterKind;
  limiters?: Limiters;
}

/** The acting member or staff account, or the contract's 401. */
export function requireSignedIn(ctx: UseCaseContext): Extract<ActorContext, { id: number }> {
  if (ctx.actor.kind !== "member" && ctx.actor.kind !== "staff") throw notAuthenticated();
  return ctx.actor;
}

/**
 * The actor in the shape the older staff checks in lib/actor.ts take: the operator is the
 * one frozen OPERATOR object (recognised by identity there), a signed-in account its id
 * and staff flag, anyone else a 401.
 */
export function legacyActor(ctx: UseCaseContext): LegacyActor {
  if (ctx.actor.kind === "operator") return OPERATOR;
  const { id, isStaff } = requireSignedIn(ctx);
  return { id, isStaff };
}

/** The signed-in account as an actor of `ctx`, staff or member by its flag. */
export function signedInActor(
  user: { id: number; isStaff: boolean; isSuperuser?: boolean; mfaAt?: Date | null },
  via: AuthVia,
): ActorContext {
  return { kind: user.isStaff ? "staff" : "member", id: user.id, isStaff: user.isStaff, isSuperuser: user.isSuperuser, via, mfaAt: user.mfaAt };
}

/** `ctx` with another actor: an adapter that authenticates after building the context. */
export function withActor(ctx: UseCaseContext, actor: ActorContext): UseCaseContext {
  return { ...ctx, actor };
}

/**
 * `ctx` with the caller an adapter authenticated and the credential they used (a browser
 * session or an API token), for use cases that check a recent second factor or act on the
 * session itself.
 */
export function withCaller(
  ctx: UseCaseContext,
  user: { id: number; isStaff: boolean; isSuperuser?: boolean; mfaAt?: Date | null },
  credential: Credential | null,
  via: AuthVia = credential?.kind === "api" ? "api_token" : "session",
): UseCaseContext {
  return { ...ctx, actor: signedInActor(user, via), credential };
}

/** The signed-in account acting (member or staff), or null for anonymous callers and the operator. */
export function signedInId(ctx: UseCaseContext): number | null {
  return ctx.actor.kind === "member" || ctx.actor.kind === "staff" ? ctx.actor.id : null;
}

/**
 * `ctx` with this browser's signed-in account as the actor, or `ctx` unchanged (anonymous)
 * when there is no session or a staff member is viewing the site as the member: the
 * viewer is not that member, so a link pressed or a Google identity asserted there must
 * not count as the member's own.
 */
export function withBrowserCaller(
  ctx: UseCaseContext,
  session: { user: { id: number; isStaff: boolean; viewedBy?: unknown }; sessionId: number } | null,
): UseCaseContext {
  if (!session || session.user.viewedBy) return ctx;
  return withCaller(ctx, session.user, { kind: "browser", id: session.sessionId });
}
