import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { MEMBER_CLIENT_NAMESPACES } from "@/lib/i18n/config";
import { ClientMessages } from "./components/client-messages";
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
  return (
    <html lang={locale}>
      <body>
        {/* Only what the browser's components read; the staff area adds its own. */}
        <ClientMessages namespaces={MEMBER_CLIENT_NAMESPACES}>
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
        </ClientMessages>
      </body>
    </html>
  );
}
