import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ArrivalFocus } from "../../components/arrival-focus";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailChange"))("undoneTitle") };
}
export const dynamic = "force-dynamic";

// After an undo everyone is signed out, this browser too: the page names no address.
export default async function EmailChangeUndonePage() {
  const t = await getTranslations("emailChange");
  return (
    <section className="card">
      <h1>{t("undoneTitle")}</h1>
      <ArrivalFocus as="p" className="success">
        {t("undoneGeneric")}
      </ArrivalFocus>
      <p>{t("undoneNext")}</p>
      <p>
        <Link href="/login">{t("signIn")}</Link>
      </p>
    </section>
  );
}
