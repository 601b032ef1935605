"use client";

import "./globals.css";

// Last resort when even the root layout fails: it replaces the whole document.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <section className="card" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">Zporta Academy is temporarily unavailable</h1>
            <p>Something on our side did not answer in time. Please try again in a few seconds.</p>
            <p>
              <button type="button" onClick={() => retry()}>
                Try again
              </button>
            </p>
            {error.digest && <p className="hint">Reference: {error.digest}</p>}
          </section>
        </main>
      </body>
    </html>
  );
}
