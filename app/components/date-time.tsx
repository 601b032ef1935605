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

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A day for members' pages ("24 Dec 2026", UTC like everything else). */
export function Day({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{DAY.format(value)}</time>;
}
