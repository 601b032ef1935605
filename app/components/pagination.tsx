import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./components.module.css";

/** "Page 2 of 5" with Previous/Next links that keep the other query parameters. */
export function Pagination(props: { path: string; query: Record<string, string | undefined>; page: number; pageCount: number; label: string }) {
  const { path, query, page, pageCount, label } = props;
  const t = useTranslations("common.lists");
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(n) }).filter((e): e is [string, string] => !!e[1]));
    return `${path}?${params}`;
  };
  return (
    <nav aria-label={label} className={styles.bar}>
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : <span aria-hidden="true">{t("previous")}</span>}
      <span>{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)}>{t("next")}</Link> : <span aria-hidden="true">{t("next")}</span>}
    </nav>
  );
}
