import { getLocale } from "next-intl/server";
import { Day } from "../components/date-time";

const JA_DAY = new Intl.DateTimeFormat("ja-JP", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/**
 * A day on the invitation pages in the reader's language: the shared Day ("24 Dec 2026")
 * in English, "2026年12月24日" in Japanese; UTC in both, like every date of the site.
 */
export async function LocalDay({ value }: { value: Date }) {
  if ((await getLocale()) === "en") return <Day value={value} />;
  return <time dateTime={value.toISOString()}>{JA_DAY.format(value)}</time>;
}
