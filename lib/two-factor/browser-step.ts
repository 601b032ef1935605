import { cookies, headers } from "next/headers";
import { encodeSession, secureCookies, sessionCookie, sessionMaxAgeSeconds } from "../auth/credentials/session-cookie";
import { createSession } from "../auth/credentials/session-rows";
import { recordSecondFactor } from "./step-up";
import { getDb } from "../db/client";
import { DomainError } from "../errors";
import { clientIp } from "../http/client-ip";
import type { UseCaseContext } from "../use-case/context";
import type { Logger } from "../log/logger";
import { completeSecondStep, MAX_CODE_FAILURES, type CompletedSignIn } from "./challenge/complete";
import { hashOpaqueToken, OPAQUE_TOKEN_PATTERN } from "./challenge/token";
import { secondFactorMethods, type Method } from "./status";
import { CHALLENGE_MINUTES, startSecondStep, type SecondStep } from "./challenge/start";
import { MFA_TOKEN_EXPIRED } from "./messages";
import { isTrustedBrowser, trustBrowser, TRUST_DAYS } from "./trusted-browsers";

// The browser's second step (server actions only: they can set cookies). After the first
// factor, an enrolled account gets no session, only a pending cookie holding the
// challenge's opaque token (HttpOnly, 5 minutes); /login/two-factor completes it.

/** Where REQUIRE_2FA sends a covered member without a second factor after signing in. */
export const SET_UP_SECOND_FACTOR_PATH = "/account/security?two-factor=required#two-factor-heading";

const secure = () => secureCookies();
const pendingName = () => `${secure() ? "__Host-" : ""}mfa-pending`;
const trustName = () => `${secure() ? "__Host-" : ""}mfa-trusted`;
const cookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: secure() });

/**
 * Called by every browser sign-in after its first factor. True: a second step is needed
 * (the pending cookie is set; the caller sends the browser to /login/two-factor and
 * starts no session). False: no factor, or this browser is trusted: sign in now.
 */
export async function beginBrowserSecondStep(user: { id: number; credentialStamp?: string | null }, log?: Logger): Promise<boolean> {
  return !!(await browserSecondStep(user, log));
}

/** As beginBrowserSecondStep, answering the started step (route handlers answer its mfa_token too). */
export async function browserSecondStep(user: { id: number; credentialStamp?: string | null }, log?: Logger): Promise<SecondStep | null> {
  const db = getDb();
  const jar = await cookies();
  if (await isTrustedBrowser(db, user.id, jar.get(trustName())?.value)) return null;
  const step = await startSecondStep(db, user.id, { credentialStamp: user.credentialStamp ?? null, log });
  if (!step) return null;
  jar.set(pendingName(), step.token, { ...cookieOptions(), maxAge: CHALLENGE_MINUTES * 60 });
  return step;
}

/** The ways this browser's pending second step can be passed, or null when it has none (or it died). */
export async function pendingStepMethods(): Promise<Method[] | null> {
  const token = (await cookies()).get(pendingName())?.value;
  if (!token || !OPAQUE_TOKEN_PATTERN.test(token)) return null;
  const db = getDb();
  const step = await db.mfaChallenge.findUnique({ where: { tokenHash: hashOpaqueToken(token) }, select: { userId: true, spentAt: true, failures: true, expiresAt: true } });
  if (!step || step.spentAt || step.failures >= MAX_CODE_FAILURES || step.expiresAt <= new Date()) return null;
  return secondFactorMethods(db, step.userId);
}

/** The pending step's token this browser holds, if any (route handlers for the passkey second step). */
export async function pendingStepToken(): Promise<string | undefined> {
  return (await cookies()).get(pendingName())?.value || undefined;
}

/**
 * The code typed on /login/two-factor: completes the pending step, starts the session
 * (guarded by the first step's password stamp) and, if asked, trusts this browser.
 */
export async function finishBrowserSecondStep(code: string, trust: boolean, ctx: UseCaseContext): Promise<void> {
  const token = await pendingStepToken();
  if (!token) throw new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
  const done = await completeSecondStep({ mfa_token: token, code }, ctx);
  await signInAfterSecondStep(done, trust);
}

/** After a passed second step in a browser: the session, the pending cookie cleared, and trust if asked. */
export async function signInAfterSecondStep(done: CompletedSignIn, trust: boolean): Promise<void> {
  await startSessionAfterSecondFactor(done.userId, done.credentialStamp);
  const jar = await cookies();
  jar.set(pendingName(), "", { ...cookieOptions(), maxAge: 0 });
  if (trust) jar.set(trustName(), await trustBrowser(getDb(), done.userId), { ...cookieOptions(), maxAge: TRUST_DAYS * 24 * 60 * 60 });
}

/**
 * A browser session for a sign-in that passed a second factor (a code, or a passkey):
 * lib/auth/credentials/browser-session.ts's startSession, plus the step-up proof on the new Session row.
 */
export async function startSessionAfterSecondFactor(userId: number, credentialStamp: string | null): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, email: true, isStaff: true, profile: { select: { role: true } } } });
  if (!user) throw new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
  const hdrs = await headers();
  const { secret, id } = await createSession(db, user.id, { ip: clientIp(hdrs), userAgent: hdrs.get("user-agent") }, { credentialStamp: credentialStamp ?? undefined });
  await recordSecondFactor(db, { kind: "browser", id });
  const { name, options } = sessionCookie();
  const authUser = { id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer" };
  (await cookies()).set(name, await encodeSession(authUser, secret), { ...options, maxAge: sessionMaxAgeSeconds() });
}
