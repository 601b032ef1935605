import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { PATHNAME_HEADER } from "@/lib/http/pathname-header";
import type { Locale } from "@/lib/i18n/config";

// The header's switch: a plain form (works without JavaScript) to app/language/route.ts,
// which remembers the choice and comes back to this page. The button names the other
// language in that language, marked with its lang for screen readers.
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const other: Locale = locale === "ja" ? "en" : "ja";
  const here = (await headers()).get(PATHNAME_HEADER) ?? "/";
  return (
    <form method="post" action="/language" className="inline-form">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="next" value={here} />
      <button type="submit" className="link-button" lang={other}>
        {t("otherLanguage")}
      </button>
    </form>
  );
}
