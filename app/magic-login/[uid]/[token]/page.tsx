import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { INVALID_MAGIC_LINK } from "@/lib/magic-link/messages";
import { magicLinkFor } from "@/lib/magic-link/view";
import { appReturnTarget } from "@/lib/sign-in-exchange/return-to";
import { ActionButton } from "../../../components/action-button";
import { Day } from "../../../components/date-time";
import { linkParams } from "../../../components/link-params";
import { magicSignIn } from "./actions";

export const metadata: Metadata = { title: "Sign in with your link" };
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it (mail scanners follow links): the button does.
export default async function MagicLoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ uid: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { uid, token } = await linkParams(params);
  // ?redirect=<address on one of CORS_ALLOWED_ORIGINS>: the platform's single-page app
  // gets the sign-in back through an exchange code (never a token in an address).
  const redirectParam = (await searchParams).redirect;
  const appTarget = appReturnTarget(Array.isArray(redirectParam) ? redirectParam[0] : redirectParam);
  const live = await magicLinkFor(getDb(), { uid, token });
  if (!live) {
    return (
      <section className="card">
        <h1>This link cannot be used</h1>
        <p role="alert">{INVALID_MAGIC_LINK}</p>
        <p>
          <Link href="/magic-link">Ask for a new link</Link> or <Link href="/login">sign in with your password</Link>.
        </p>
      </section>
    );
  }
  const session = await getCurrentSession();
  const signedInHere = session?.user.id === live.userId && !session.user.viewedBy;
  return (
    <section className="card">
      <h1>Sign in as {live.username}</h1>
      <p>
        This account was created on <Day value={live.dateJoined} />.
      </p>
      {!live.emailVerified && !signedInHere && (
        <p role="note">
          Its email address has never been proven, so this link makes the account yours alone: signing in will sign out
          anyone else using it (every device and app) and remove its password. We will email you a link to choose a new
          one. Your profile and everything in the account are kept.
        </p>
      )}
      <p>This link signs you in once. Press the button to continue.</p>
      {appTarget && <p>You will then be taken back to {appTarget.host}, signed in.</p>}
      <ActionButton action={magicSignIn} fields={appTarget ? { uid, token, redirect: appTarget.toString() } : { uid, token }} label="Sign in" inline={false} />
    </section>
  );
}
