import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./components.module.css";

/**
 * Links that filter a staff list by status; the current one is marked for screen readers
 * too. `word` is the status in the reader's language (capitalised here for English).
 */
export function StatusFilter(props: { path: string; label: string; statuses: readonly string[]; word: (status: string) => string; current: string | undefined }) {
  const t = useTranslations("common.lists");
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const options = [{ value: undefined, text: t("all") }, ...props.statuses.map((s) => ({ value: s, text: capitalised(props.word(s)) }))];
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
