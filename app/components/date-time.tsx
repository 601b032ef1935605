import { useLocale } from "next-intl";
import { LocalTime } from "./local-time";

// One format for moments: the reader's local time, with UTC on hover; the UTC text
// ("2026-11-24 09:05 UTC") is what the server renders and what shows without JavaScript.
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function DateTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <>—</>;
  return <LocalTime iso={value.toISOString()} utc={formatUtc(value)} />;
}

// English pages keep the day-month-year order they always had ("24 Dec 2026").
const DAY_LOCALE: Record<string, string> = { en: "en-GB", ja: "ja-JP" };

/** A day for members' pages in the page's language ("24 Dec 2026", "2026年12月24日"), UTC like everything else. */
export function Day({ value }: { value: Date }) {
  const locale = useLocale();
  const format = new Intl.DateTimeFormat(DAY_LOCALE[locale] ?? locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return <time dateTime={value.toISOString()}>{format.format(value)}</time>;
}
