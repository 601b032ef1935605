import { cookies, headers } from "next/headers";
import { startSession } from "../auth/session";
import { secureCookies } from "../auth/session-cookie";
import { getDb } from "../db/client";
import { DomainError } from "../errors";
import { clientIp } from "../http/client-ip";
import type { Logger } from "../log/logger";
import { completeSecondStep } from "./challenge/complete";
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

/** Whether this browser has a pending second step (the page shows the form only then). */
export async function hasPendingSecondStep(): Promise<boolean> {
  return !!(await cookies()).get(pendingName())?.value;
}

/**
 * The code typed on /login/two-factor: completes the pending step, starts the session
 * (guarded by the first step's password stamp) and, if asked, trusts this browser.
 */
export async function finishBrowserSecondStep(code: string, trust: boolean, log: Logger): Promise<void> {
  const db = getDb();
  const jar = await cookies();
  const token = jar.get(pendingName())?.value;
  if (!token) throw new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
  const hdrs = await headers();
  const done = await completeSecondStep({ mfa_token: token, code }, { db, ip: clientIp(hdrs), log });
  const user = await db.user.findUnique({ where: { id: done.userId }, select: { id: true, username: true, email: true, isStaff: true, profile: { select: { role: true } } } });
  if (!user) throw new DomainError("mfa_token_expired", MFA_TOKEN_EXPIRED, 400);
  await startSession({ id: user.id, username: user.username, email: user.email, isStaff: user.isStaff, role: user.profile?.role ?? "explorer", credentialStamp: done.credentialStamp ?? undefined });
  jar.set(pendingName(), "", { ...cookieOptions(), maxAge: 0 });
  if (trust) jar.set(trustName(), await trustBrowser(db, user.id), { ...cookieOptions(), maxAge: TRUST_DAYS * 24 * 60 * 60 });
}
