import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "./catalogue";
import { requestLocale } from "./request-locale";
import { logger } from "../log/logger";

// next-intl's per-request configuration (wired in next.config.js), used by every page and
// server action: no locale in the URL, the language is chosen per request (lib/i18n/locale.ts).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: messagesFor(locale),
    // The server cannot know the viewer's zone; dates are rendered in UTC on the server and
    // shown in local time by the browser (app/components/local-time.tsx).
    timeZone: "UTC",
    onError: (err) => logger.warn({ event: "i18n.missing", locale, code: err.code }, err.message),
    getMessageFallback: ({ namespace, key }) => (namespace ? `${namespace}.${key}` : key),
  };
});
