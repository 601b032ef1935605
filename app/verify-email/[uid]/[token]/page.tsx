import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { INVALID_VERIFICATION_LINK } from "@/lib/email-verification/messages";
import { findLiveLink } from "@/lib/one-time-links/consume";
import { ActionButton } from "../../../components/action-button";
import { Day } from "../../../components/date-time";
import { linkParams } from "../../../components/link-params";
import { verifyEmail } from "./actions";

export const metadata: Metadata = { title: "Confirm your email address" };
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it (mail scanners follow links): the button does.
export default async function VerifyEmailPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await findLiveLink(getDb(), { uid, token, purpose: "verify_email" });
  if (!live) {
    return (
      <section className="card">
        <h1>This link cannot be used</h1>
        <p role="alert">{INVALID_VERIFICATION_LINK}</p>
        <p>
          Signed in? Your <Link href="/account">account page</Link> can send a new one.
        </p>
      </section>
    );
  }
  const session = await getCurrentSession();
  const signedInHere = session?.user.id === live.userId && !session.user.viewedBy;
  return (
    <section className="card">
      <h1>Confirm your email address</h1>
      <p>
        Confirm that {live.email} is the address of the account {live.username}, created on <Day value={live.dateJoined} />.
      </p>
      {!live.emailVerified && !signedInHere && (
        <>
          <p role="note">
            You are not signed in to this account in this browser. Confirming here makes the account yours alone: it signs
            out anyone else using it (every device and app) and removes its password; we will email you a link to choose
            a new one. Your profile and everything in the account are kept.
          </p>
          <p>
            If you created this account and know its password, <Link href="/login">sign in</Link> in this browser first
            and open this link again: then only your address is confirmed.
          </p>
        </>
      )}
      <ActionButton action={verifyEmail} fields={{ uid, token }} label="Confirm my email address" inline={false} />
      <p>
        <Link href="/account">Your account</Link>
      </p>
    </section>
  );
}
