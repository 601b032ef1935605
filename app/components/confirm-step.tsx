import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A dangerous action's confirmation step without JavaScript: the first press (a
 * <details> summary styled as a danger button) only opens the question and the real
 * button. `open` keeps it open when the page comes back with an error inside.
 */
export function ConfirmStep(props: { opener: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="confirm" open={props.open || undefined}>
      <summary className="button-danger">{props.opener}</summary>
      <div className="confirm-body">{props.children}</div>
    </details>
  );
}

/** The red-bordered part of a page holding the actions that cannot be taken back lightly. */
export function DangerZone({ children }: { children: ReactNode }) {
  const t = useTranslations("common");
  return (
    <section className="danger-zone" aria-labelledby="danger-zone-heading">
      <h2 id="danger-zone-heading">{t("dangerZone")}</h2>
      {children}
    </section>
  );
}
