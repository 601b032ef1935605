// Dates are shown in UTC, the same for every reader and every server ("2026-11-24 09:05 UTC").
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function DateTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <>—</>;
  return (
    <time dateTime={value.toISOString()} className="nowrap">
      {formatUtc(value)}
    </time>
  );
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A day for members' pages ("24 Dec 2026", UTC like everything else). */
export function Day({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{DAY.format(value)}</time>;
}
