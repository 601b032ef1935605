import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { ArrivalFocus } from "../../components/arrival-focus";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailChange"))("doneTitle") };
}
export const dynamic = "force-dynamic";

// Says what happened; the address shown is the account's own, to its signed-in owner only.
export default async function EmailChangedPage() {
  const t = await getTranslations("emailChange");
  const user = await getCurrentUser();
  return (
    <section className="card">
      <h1>{t("doneTitle")}</h1>
      <ArrivalFocus as="p" className="success">
        {user?.email && !user.viewedBy ? t("doneBody", { email: user.email }) : t("doneGeneric")}
      </ArrivalFocus>
      <p>{user ? <Link href="/account">{t("toAccount")}</Link> : <Link href="/login">{t("signIn")}</Link>}</p>
    </section>
  );
}
