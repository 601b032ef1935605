import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { INVALID_RESET_LINK } from "@/lib/password-reset/messages";
import { resetLinkFor } from "@/lib/password-reset/view";
import { linkParams } from "../../../components/link-params";
import { ResetForm } from "./reset-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reset"))("confirmTitle") };
}
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it: the form's POST does.
export default async function ResetPasswordConfirmPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await resetLinkFor(getDb(), { uid, token });
  const t = await getTranslations("reset");
  if (!live) {
    return (
      <section className="card">
        <h1>{t("linkUnusable")}</h1>
        <p role="alert">{translateDomainSentence(INVALID_RESET_LINK, await getLocale())}</p>
        <p>
          <Link href="/forgot-password">{t("askNewLink")}</Link>
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
