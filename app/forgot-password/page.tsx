import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { LinkRequestForm } from "../components/link-request-form";
import { forgotPassword } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reset"))("requestTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("reset");
  return (
    <section className="card">
      <LinkRequestForm
        action={forgotPassword}
        heading={t("requestTitle")}
        intro={t("requestIntro")}
        button={t("requestButton")}
        busy={t("sending")}
      />
      <p>
        <Link href="/login">{t("backToSignIn")}</Link>
      </p>
    </section>
  );
}
