import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { pendingStepMethods } from "@/lib/two-factor/browser-step";
import { first, type SearchParams } from "../../components/search-params";
import { CodeForm } from "./code-form";
import { PasskeyStep } from "./passkey-step";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("twoFactor.signIn"))("title") };
}

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNextPath(first((await searchParams).next));
  if (await getCurrentUser()) redirect(next);
  const methods = await pendingStepMethods();
  const t = await getTranslations("twoFactor.signIn");
  if (!methods) {
    return (
      <section className="card">
        <h1>{t("title")}</h1>
        <p>{t("expired")}</p>
        <p>
          <Link href={`/login?next=${encodeURIComponent(next)}`}>{t("signInAgain")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      {methods.includes("totp") && <CodeForm next={next} />}
      {methods.includes("passkey") && (
        <>
          {!methods.includes("totp") && <h1>{t("title")}</h1>}
          <p>{methods.includes("totp") ? t("orPasskey") : t("passkey")}</p>
          <PasskeyStep next={next} />
        </>
      )}
      <p>
        {t.rich("lost", { link: (chunks) => <Link href="/forgot-password">{chunks}</Link> })}
      </p>
    </section>
  );
}
