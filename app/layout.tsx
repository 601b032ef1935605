import type { Metadata, Viewport } from "next";
import "./globals.css";
import { HydrationMark } from "./components/hydration-mark";
import { SiteHeader } from "./site-header";
import { ViewAsBanner, ViewOnlyFrame } from "./view-as-banner";

export const metadata: Metadata = {
  title: { default: "Zporta Academy", template: "%s · Zporta Academy" },
  description: "Learn and teach on Zporta Academy.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
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
      </body>
    </html>
  );
}
