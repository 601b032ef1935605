import type { Locale } from "./config";
import type { Messages } from "./catalogue";

// Typed keys: t("signup.title") fails `tsc` when the English catalogue has no such key.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
