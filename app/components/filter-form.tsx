import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * A staff list's filters as a GET form (next/form: client-side navigation, plain GET
 * without JavaScript), so the filters stay in the address; "Clear" goes back to the
 * unfiltered list.
 */
export function FilterForm({ path, label, children }: { path: string; label: string; children: ReactNode }) {
  const t = useTranslations("common.lists");
  return (
    <Form action={path} role="search" aria-label={label} className="filters">
      {children}
      <button type="submit">{t("filter")}</button>
      <Link href={path}>{t("clear")}</Link>
    </Form>
  );
}
