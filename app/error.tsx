"use client";

// What a person sees when a page cannot be rendered, typically because the database is
// unreachable for a moment. Production never shows the cause; the digest matches the
// server's log line for a bug report.
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">This page is temporarily unavailable</h1>
      <p>Something on our side did not answer in time. Please try again in a few seconds.</p>
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
      {error.digest && <p className="hint">Reference: {error.digest}</p>}
    </section>
  );
}
