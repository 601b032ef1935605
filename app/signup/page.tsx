import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { googleClientIds } from "@/lib/google-login/config";
import { GoogleSignIn } from "../components/google-sign-in";
import { SignupForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signup"))("metaTitle") };
}

export default async function SignupPage() {
  // A signed-in member has an account already: sign-up is not for them.
  if (await getCurrentUser()) redirect("/account");
  const [googleClientId] = googleClientIds();
  const t = await getTranslations("signup");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {googleClientId && <GoogleSignIn clientId={googleClientId} next="/account" />}
      <SignupForm />
      <p>
        {t("haveAccount")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </section>
  );
}
