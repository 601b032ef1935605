import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { FormMessage } from "./components/field";
import { first, type SearchParams } from "./components/search-params";
import { ButtonLink } from "./components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const common = await getTranslations("common");
  return { title: common("siteName") };
}

// Where a person lands after leaving: each way out ends on a sentence that says what
// happened (the ending pages' parameters carry no data, only which sentence).
const FAREWELLS = {
  deleted: "farewellDeleted",
  deactivated: "farewellDeactivated",
  "signed-out": "farewellSignedOut",
} as const;

export default async function Home({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const user = await getCurrentUser();
  const t = await getTranslations("home");
  if (user) {
    return (
      <section className="card">
        <h1>{t("welcomeBack", { name: user.username })}</h1>
        <ul className="link-list">
          <li>
            <Link href="/account">{t("accountLink")}</Link>
          </li>
          <li>
            <Link href="/account/security">{t("securityLink")}</Link>
          </li>
          <li>
            <Link href="/guide-application">{t("teachLink")}</Link>
          </li>
          {user.isStaff && (
            <li>
              <Link href="/admin">{t("staffLink")}</Link>
            </li>
          )}
        </ul>
      </section>
    );
  }
  const farewell = (Object.keys(FAREWELLS) as (keyof typeof FAREWELLS)[]).find((k) => first(params[k]) === "1");
  return (
    <section className="card">
      {farewell && <FormMessage kind="success">{t(FAREWELLS[farewell])}</FormMessage>}
      <h1>{t("welcome")}</h1>
      <p>{t("intro")}</p>
      <p>
        <ButtonLink href="/signup">{t("createAccount")}</ButtonLink>
      </p>
      <p>
        {t("haveAccount")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </section>
  );
}
