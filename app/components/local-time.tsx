"use client";

import { useLocale } from "next-intl";
import { useMemo, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * A moment in the reader's own time zone, with the UTC time on hover (title). The server
 * (and a browser without JavaScript) shows the UTC text; the browser swaps in its local
 * time after hydration, without a mismatch (the server snapshot is the UTC text).
 */
export function LocalTime({ iso, utc }: { iso: string; utc: string }) {
  // The page's language with the browser's own time zone (no timeZone option).
  const locale = useLocale();
  const local = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }), [locale]);
  const text = useSyncExternalStore(
    noSubscription,
    () => local.format(new Date(iso)),
    () => utc,
  );
  return (
    // It may wrap: a time that cannot wrap pushed narrow pages sideways (UX walk 2026-12-06).
    <time dateTime={iso} title={utc}>
      {text}
    </time>
  );
}
