"use client";

import "./globals.css";
import { UnavailableNotice } from "./components/unavailable-notice";

// Last resort when even the root layout fails: it replaces the whole document.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <UnavailableNotice title="Zporta Academy is temporarily unavailable" digest={error.digest} retry={retry} homeLink={false} />
        </main>
      </body>
    </html>
  );
}
