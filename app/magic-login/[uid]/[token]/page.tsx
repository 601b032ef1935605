import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("magicLink"))("signInTitle") };
}
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
  const t = await getTranslations("magicLink");
  if (!live) {
    return (
      <section className="card">
        <h1>{t("linkUnusable")}</h1>
        <p role="alert">{translateDomainSentence(INVALID_MAGIC_LINK, await getLocale())}</p>
        <p>
          {t.rich("askOrPassword", {
            ask: (chunks) => <Link href="/magic-link">{chunks}</Link>,
            password: (chunks) => <Link href="/login">{chunks}</Link>,
          })}
        </p>
      </section>
    );
  }
  const session = await getCurrentSession();
  const signedInHere = session?.user.id === live.userId && !session.user.viewedBy;
  return (
    <section className="card">
      <h1>{t("signInAs", { username: live.username })}</h1>
      <p>
        {t.rich("created", { day: () => <Day value={live.dateJoined} /> })}
      </p>
      {!live.emailVerified && !signedInHere && (
        <p role="note">
          {t("unproven")}
        </p>
      )}
      <p>{t("once")}</p>
      {appTarget && <p>{t("backToApp", { host: appTarget.host })}</p>}
      <ActionButton action={magicSignIn} fields={appTarget ? { uid, token, redirect: appTarget.toString() } : { uid, token }} label={t("signInButton")} inline={false} />
    </section>
  );
}
