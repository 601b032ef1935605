import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import Link from "next/link";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { INVALID_VERIFICATION_LINK } from "@/lib/email-verification/messages";
import { findLiveLink } from "@/lib/one-time-links/consume";
import { ActionButton } from "../../../components/action-button";
import { Day } from "../../../components/date-time";
import { linkParams } from "../../../components/link-params";
import { verifyEmail } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}
export const dynamic = "force-dynamic";

// Opening the link (GET) never spends it (mail scanners follow links): the button does.
export default async function VerifyEmailPage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const live = await findLiveLink(getDb(), { uid, token, purpose: "verify_email" });
  const t = await getTranslations("verify");
  if (!live) {
    return (
      <section className="card">
        <h1>{t("linkUnusable")}</h1>
        <p role="alert">{translateDomainSentence(INVALID_VERIFICATION_LINK, await getLocale())}</p>
        <p>
          {t.rich("sendNew", { link: (chunks) => <Link href="/account">{chunks}</Link> })}
        </p>
      </section>
    );
  }
  const session = await getCurrentSession();
  const signedInHere = session?.user.id === live.userId && !session.user.viewedBy;
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p>
        {t.rich("confirmThat", { email: live.email, username: live.username, day: () => <Day value={live.dateJoined} /> })}
      </p>
      {!live.emailVerified && !signedInHere && (
        <>
          <p role="note">
            {t("notSignedIn")}
          </p>
          <p>
            {t.rich("signInFirst", { link: (chunks) => <Link href="/login">{chunks}</Link> })}
          </p>
        </>
      )}
      <ActionButton action={verifyEmail} fields={{ uid, token }} label={t("submit")} inline={false} />
      <p>
        <Link href="/account">{t("account")}</Link>
      </p>
    </section>
  );
}
