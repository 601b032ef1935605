import Link from "next/link";
import { useTranslations } from "next-intl";

// Rendered with status 403 when a page calls forbidden() during client navigation.
// Full page loads of the staff area by non-staff get lib/auth/who/forbidden-page.ts (same
// wording) from proxy.ts instead: Next 16.4 renders this boundary blank without JavaScript.
export default function Forbidden() {
  const t = useTranslations("notFound.forbidden");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href="/account">{t("account")}</Link>
      </p>
    </section>
  );
}
