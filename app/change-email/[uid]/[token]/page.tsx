import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { pendingChange } from "@/lib/email-change/link";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { INVALID_EMAIL_CHANGE_LINK } from "@/lib/email-change/messages";
import { ActionButton } from "../../../components/action-button";
import { linkParams } from "../../../components/link-params";
import { confirmEmailChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailChange"))("pageTitle") };
}
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it (mail scanners follow links): the button does.
export default async function ChangeEmailPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const t = await getTranslations("emailChange");
  const change = await pendingChange(getDb(), { uid, token });
  if (!change) {
    return (
      <section className="card">
        <h1>{t("invalidTitle")}</h1>
        <p role="alert">{translateDomainSentence(INVALID_EMAIL_CHANGE_LINK, await requestLocale())}</p>
        <p>{t("invalidHelp")}</p>
        <p>
          <Link href="/account/security">{t("securityPage")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{t("pageTitle")}</h1>
      <p>{t("pageBody", { username: change.username, from: change.fromEmail, to: change.newEmail })}</p>
      <ActionButton action={confirmEmailChangeAction} fields={{ uid, token }} label={t("confirm")} inline={false} />
    </section>
  );
}
