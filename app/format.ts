// Dates on pages: one unambiguous format, in UTC (the monthly limit counts in UTC too).
const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  hourCycle: "h23",
});

export const formatDate = (d: Date) => DATE.format(d);
export const formatDateTime = (d: Date) => `${DATE_TIME.format(d)} UTC`;
