import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in/login-schema";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { googleClientIds } from "@/lib/google-login/config";
import { GoogleSignIn } from "../components/google-sign-in";
import { MFA_REQUIRED } from "@/lib/two-factor/messages";
import { first, type SearchParams } from "../components/search-params";
import { LoginForm } from "./login-form";
import { PasskeySignIn } from "./passkey-sign-in";
import { PAGE_INVALID_CREDENTIALS } from "./state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

// next-auth's own endpoints send failures here as ?error=<message>; only our own
// sentences are shown, never text from the address bar.
async function knownError(error: string | undefined): Promise<string | undefined> {
  if (!error) return undefined;
  const locale = await getLocale();
  if (error === INVALID_CREDENTIALS || error === "CredentialsSignin") return translateDomainSentence(PAGE_INVALID_CREDENTIALS, locale);
  if (/^Too many attempts\. Try again in \d{1,6} seconds?\.$/.test(error)) return translateDomainSentence(error, locale);
  const t = await getTranslations("login");
  // next-auth's endpoint has no second step (lib/auth/nextauth/options.ts): this form has.
  if (error === MFA_REQUIRED) return t("useThisFormForTwoFactor");
  return t("failed");
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (await getCurrentUser()) redirect(next);
  const created = first(params.created) === "1";
  const reset = first(params.reset) === "1";
  const error = await knownError(first(params.error));
  const t = await getTranslations("login");
  const [googleClientId] = googleClientIds();
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {googleClientId && <GoogleSignIn clientId={googleClientId} next={next} />}
      <LoginForm
        next={next}
        username={first(params.username)?.slice(0, 300)}
        error={error}
        notice={
          created
            ? t("created")
            : reset
              ? t("afterReset")
              : undefined
        }
      />
      <PasskeySignIn next={next} />
      <p>
        <Link href="/forgot-password">{t("forgotPassword")}</Link>
      </p>
      <p>
        <Link href="/magic-link">{t("magicLink")}</Link>
      </p>
      <p>
        {t("newHere")} <Link href="/signup">{t("createAccount")}</Link>
      </p>
    </section>
  );
}
