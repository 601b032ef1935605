import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./components.module.css";

/** Links that filter a staff list by status; the current one is marked for screen readers too. */
export function StatusFilter(props: { path: string; label: string; statuses: readonly string[]; current: string | undefined }) {
  const t = useTranslations("common.lists");
  const options = [{ value: undefined, text: t("all") }, ...props.statuses.map((s) => ({ value: s, text: s[0].toUpperCase() + s.slice(1) }))];
  return (
    <nav aria-label={props.label} className={styles.bar}>
      {options.map((o) => (
        <Link
          key={o.text}
          href={o.value ? `${props.path}?${new URLSearchParams({ status: o.value })}` : props.path}
          aria-current={props.current === o.value ? "page" : undefined}
        >
          {o.text}
        </Link>
      ))}
    </nav>
  );
}
