import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { EMAIL_VERIFIED, EMAIL_VERIFIED_EVICTED } from "@/lib/ui-messages";
import { first, type SearchParams } from "../../components/search-params";
import { ArrivalFocus } from "../../components/arrival-focus";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("verifiedTitle") };
}

// Where "Confirm my email address" ends. The parameter only picks the sentence; the
// page itself proves nothing (the account page shows the real verified state).
export default async function VerifiedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const evicted = first((await searchParams).evicted) === "1";
  const user = await getCurrentUser();
  const t = await getTranslations("verify");
  const locale = await getLocale();
  return (
    <section className="card">
      <h1>{t("verifiedTitle")}</h1>
      <ArrivalFocus as="p" className="success">
        {translateDomainSentence(evicted ? EMAIL_VERIFIED_EVICTED : EMAIL_VERIFIED, locale)}
      </ArrivalFocus>
      <p>{user ? <Link href="/account">{t("goToAccount")}</Link> : <Link href="/login">{t("signIn")}</Link>}</p>
    </section>
  );
}
