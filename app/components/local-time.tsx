"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const LOCAL = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * A moment in the reader's own time zone, with the UTC time on hover (title). The server
 * (and a browser without JavaScript) shows the UTC text; the browser swaps in its local
 * time after hydration, without a mismatch (the server snapshot is the UTC text).
 */
export function LocalTime({ iso, utc }: { iso: string; utc: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => LOCAL.format(new Date(iso)),
    () => utc,
  );
  return (
    // It may wrap: a time that cannot wrap pushed narrow pages sideways (UX walk 2026-12-06).
    <time dateTime={iso} title={utc}>
      {text}
    </time>
  );
}
