import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

// Which language a page is in, in the live platform's order (review 2026-12-06 §7):
// the signed-in member's saved locale, then the zporta_locale cookie, then the browser's
// Accept-Language, then English. Pure, so the order is tested without a request.

export interface LocaleSources {
  /** Profile.locale of the signed-in member (absent for visitors). */
  memberLocale?: string | null;
  /** The zporta_locale cookie's value. */
  cookie?: string | null;
  /** The Accept-Language request header. */
  acceptLanguage?: string | null;
}

export function chooseLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.memberLocale)) return sources.memberLocale;
  if (isLocale(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}

// A header longer than this is not a browser's; the rest is ignored rather than parsed.
const MAX_HEADER = 1000;

/**
 * The supported language the browser prefers most (RFC 9110 §12.5.4): ranges by q-value,
 * ties in the order given; "ja-JP" means ja, "*" means the first supported language not
 * named otherwise; q=0 means "not this one". Null when nothing supported is asked for.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, MAX_HEADER)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
        if (m) q = Number(m[1]);
      }
      return { tag: tag.trim().toLowerCase(), q: q > 1 ? 1 : q, index };
    })
    .filter((r) => r.tag.length > 0);
  const refused = new Set(ranges.filter((r) => r.q === 0).map((r) => r.tag));
  const wanted = ranges.filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    if (tag === "*") {
      const named = new Set(ranges.map((r) => r.tag.split("-")[0]));
      const rest = [DEFAULT_LOCALE, "ja"].find((l) => !named.has(l) && !refused.has(l));
      if (isLocale(rest)) return rest;
      continue;
    }
    const primary = tag.split("-")[0];
    if (isLocale(primary) && !refused.has(tag) && !refused.has(primary)) return primary;
  }
  return null;
}
