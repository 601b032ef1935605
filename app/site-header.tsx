import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { LanguageSwitch } from "./language-switch";
import { signOut } from "./sign-out-action";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const t = await getTranslations("nav");
  const common = await getTranslations("common");
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {common("siteName")}
      </Link>
      <nav aria-label={t("main")}>
        {user ? (
          <>
            {user.isStaff && <Link href="/admin">{t("admin")}</Link>}
            <Link href="/guide-application">{t("teach")}</Link>
            {/* The accessible name starts with the visible text (voice control users say what they see). */}
            <Link href="/account">
              {user.username}
              <span className="visually-hidden">{t("yourAccount")}</span>
            </Link>
            {/* A form, not a link: works without JavaScript and cannot be triggered by a GET. */}
            <form action={signOut} className="inline-form">
              <button type="submit" className="link-button">
                {t("signOut")}
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/login">{t("signIn")}</Link>
            <Link href="/signup">{t("signUp")}</Link>
          </>
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}
