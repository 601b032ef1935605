import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { INVALID_VERIFICATION_LINK } from "@/lib/email-verification/messages";
import { findLiveLink } from "@/lib/one-time-links/consume";
import { ActionButton } from "../../../components/action-button";
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
  return (
    <section className="card">
      <h1>Confirm your email address</h1>
      <p>Confirm that {live.email} is the address of the account {live.username}.</p>
      <ActionButton action={verifyEmail} fields={{ uid, token }} label="Confirm my email address" inline={false} />
      <p>
        <Link href="/account">Your account</Link>
      </p>
    </section>
  );
}
