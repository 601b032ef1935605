import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { findLiveLink } from "@/lib/one-time-links/consume";
import { INVALID_RESET_LINK } from "@/lib/password-reset/messages";
import { linkParams } from "../../../components/link-params";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it: the form's POST does.
export default async function ResetPasswordConfirmPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await findLiveLink(getDb(), { uid, token, purpose: "reset" });
  if (!live || (!live.isActive && !live.selfDeactivated)) {
    return (
      <section className="card">
        <h1>This link cannot be used</h1>
        <p role="alert">{INVALID_RESET_LINK}</p>
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <ResetForm uid={uid} token={token} username={live.username} />
    </section>
  );
}
