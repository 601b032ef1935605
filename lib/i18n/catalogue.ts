import type { Locale } from "./config";
import { catalogues } from "./messages";

// The whole catalogue of one language: every namespace under its name, as next-intl wants
// it ({ signup: { title: … }, errors: { … } }).

export type Messages = (typeof catalogues)["en"];

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale] as Messages;
}
