import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { INVALID_MAGIC_LINK } from "@/lib/magic-link/messages";
import { findLiveLink } from "@/lib/one-time-links/consume";
import { ActionButton } from "../../../components/action-button";
import { linkParams } from "../../../components/link-params";
import { magicSignIn } from "./actions";

export const metadata: Metadata = { title: "Sign in with your link" };
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it (mail scanners follow links): the button does.
export default async function MagicLoginPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await findLiveLink(getDb(), { uid, token, purpose: "magic_login" });
  if (!live || !live.isActive) {
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
  return (
    <section className="card">
      <h1>Sign in as {live.username}</h1>
      <p>This link signs you in once. Press the button to continue.</p>
      <ActionButton action={magicSignIn} fields={{ uid, token }} label="Sign in" inline={false} />
    </section>
  );
}
