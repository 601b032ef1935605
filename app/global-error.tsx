"use client";

import { createTranslator, NextIntlClientProvider } from "next-intl";
import "./globals.css";
import en from "@/lib/i18n/messages/en/notFound.json" with { type: "json" };
import ja from "@/lib/i18n/messages/ja/notFound.json" with { type: "json" };
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { chooseLocale } from "@/lib/i18n/locale";
import { UnavailableNotice } from "./components/unavailable-notice";

// Last resort when even the root layout fails: it replaces the whole document, without the
// layout's language or messages, so it chooses from what the browser knows (cookie, then
// the browser's languages) and carries only its own few sentences.
function browserLocale() {
  if (typeof document === "undefined") return "en";
  const cookie = document.cookie.split("; ").find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.split("=")[1];
  return chooseLocale({ cookie, acceptLanguage: navigator.languages.join(",") });
}

export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const locale = browserLocale();
  const messages = { notFound: locale === "ja" ? ja : en };
  const t = createTranslator({ locale, messages });
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
          <main id="main">
            <UnavailableNotice title={t("notFound.unavailable.siteTitle")} digest={error.digest} retry={retry} homeLink={false} />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
