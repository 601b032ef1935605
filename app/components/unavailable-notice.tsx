// The "try again" content of the error pages (app/error.tsx inside the layout,
// app/global-error.tsx when the layout itself failed).
export function UnavailableNotice({ title, digest, retry, homeLink }: { title: string; digest?: string; retry: () => void; homeLink: boolean }) {
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>Something on our side did not answer in time. Please try again in a few seconds.</p>
      <p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </p>
      {homeLink && (
        <p>
          <a href="/">Go to the home page</a>
        </p>
      )}
      {digest && <p className="hint">Reference: {digest}</p>}
    </section>
  );
}
