import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { CLIENT_NAMESPACES } from "@/lib/i18n/config";
import "./globals.css";
import { HydrationMark } from "./components/hydration-mark";
import { SiteHeader } from "./site-header";
import { ViewAsBanner, ViewOnlyFrame } from "./view-as-banner";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("siteName"), template: `%s · ${t("siteName")}` },
    description: t("siteDescription"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The language is known before the first byte (lib/i18n/request.ts): no flash of English.
  const locale = await getLocale();
  const t = await getTranslations("common");
  // Only what the browser's components read: each page would otherwise carry every
  // sentence of the site, emails included.
  const all = await getMessages();
  const messages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, all[ns]]));
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={messages}>
          <a href="#main" className="skip-link">
            {t("skipToContent")}
          </a>
          <ViewAsBanner />
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            <ViewOnlyFrame>{children}</ViewOnlyFrame>
          </main>
          <HydrationMark />
          <noscript>
            <span data-no-script="" hidden />
          </noscript>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
