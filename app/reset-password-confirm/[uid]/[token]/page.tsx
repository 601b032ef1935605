import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { INVALID_RESET_LINK } from "@/lib/password-reset/messages";
import { resetLinkFor } from "@/lib/password-reset/view";
import { linkParams } from "../../../components/link-params";
import { ResetForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it: the form's POST does.
export default async function ResetPasswordConfirmPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await resetLinkFor(getDb(), { uid, token });
  if (!live) {
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
