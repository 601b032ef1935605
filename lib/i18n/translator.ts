import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { messagesFor } from "./catalogue";
import { logger } from "../log/logger";

// Translation outside React (emails, the outbox worker, CLI): the same catalogue and ICU
// formatting as the pages. A missing key renders as "namespace.key" and is logged, never thrown:
// a mail is still worth sending with one odd line.

/** The locale a stored value names (Profile.locale), English for anything else. */
export function localeOrDefault(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function build(locale: Locale) {
  return createTranslator({
    locale,
    messages: messagesFor(locale),
    timeZone: "UTC",
    onError: (err) => logger.warn({ event: "i18n.missing", locale, code: err.code }, err.message),
  });
}

const built = new Map<Locale, ReturnType<typeof build>>();

/** A `t` over the whole catalogue: t("mail.reset.subject", { site }). One per language, kept. */
export function translator(locale: Locale): ReturnType<typeof build> {
  let t = built.get(locale);
  if (!t) built.set(locale, (t = build(locale)));
  return t;
}
