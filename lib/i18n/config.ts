// The languages of the pages and emails, and the names the live platform uses for them
// (NF/lib/i18n/index.js: SUPPORTED_LOCALES, cookie zporta_locale; Profile.locale's CHECK).

export const LOCALES = ["en", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The live frontend's cookie: read and written with the same name so a member keeps their choice across the cut-over. */
export const LOCALE_COOKIE = "zporta_locale";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Each namespace is one JSON file per language (lib/i18n/messages/<locale>/<namespace>.json). */
export const NAMESPACES = [
  "common",
  "nav",
  "notFound",
  "signup",
  "login",
  "reset",
  "magicLink",
  "verify",
  "security",
  "twoFactor",
  "errors",
  "account",
  "guideApplication",
  "invitations",
  "admin",
  "mail",
  "emailChange",
  "acceptInvitation",
  "apiDocs",
  "adminUsers",
  "adminAudit",
  "adminOutbox",
  "adminInvitations",
  "adminGuideApplications",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

/**
 * The namespaces a component reads with the `useTranslations` hook (client components and
 * the shared ones they render). Only these go to the browser with each page: the rest
 * (mail, the domain sentences, the staff audit words…) stay on the server. The root
 * layout sends MEMBER_CLIENT_NAMESPACES with every page; the staff area's layout adds
 * STAFF_CLIENT_NAMESPACES for its own pages only. A test checks every
 * `useTranslations("<namespace>…")` in app/ names one its pages receive.
 */
export const MEMBER_CLIENT_NAMESPACES = [
  "common",
  "notFound",
  "signup",
  "login",
  "reset",
  "security",
  "twoFactor",
  "account",
  "guideApplication",
  "invitations",
  "acceptInvitation",
  "emailChange",
] as const satisfies readonly Namespace[];

export const STAFF_CLIENT_NAMESPACES = ["adminUsers", "adminInvitations", "adminGuideApplications"] as const satisfies readonly Namespace[];
