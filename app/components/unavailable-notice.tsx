// The "try again" content of the error pages (app/error.tsx inside the layout,
// app/global-error.tsx when the layout itself failed).
import { useTranslations } from "next-intl";

export function UnavailableNotice({ title, digest, retry, homeLink }: { title: string; digest?: string; retry: () => void; homeLink: boolean }) {
  const t = useTranslations("notFound.unavailable");
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{t("body")}</p>
      <p>
        <button type="button" onClick={() => retry()}>
          {t("retry")}
        </button>
      </p>
      {homeLink && (
        <p>
          <a href="/">{t("home")}</a>
        </p>
      )}
      {digest && <p className="hint">{t("reference", { digest })}</p>}
    </section>
  );
}
