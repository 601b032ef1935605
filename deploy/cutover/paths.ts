// The cut-over's one table: which paths of the live domain (zportaacademy.com and www.)
// nginx sends to this app. Everything else on the live domain stays where it is today:
// other /api/ paths (scores, progress, analytics, courses, quizzes …) on Django, pages
// on the live frontend (which keeps `/`, `/login`, `/admin` …). This app's own pages
// live on their own subdomain (ACCOUNTS_HOST), where every path is this app's.
//
// deploy/cutover/generate.ts writes the nginx `location`s from this table into
// deploy/cutover/nginx/zporta-accounts-paths.conf; tests/server/cutover-topology.test.ts checks
// that the committed file is the generator's output and runs nginx with it in front of
// stand-ins for this app, Django and the live frontend to check where each path goes.

export interface AccountPath {
  /** Under /api/users/, without slashes: "login", or "password-reset/confirm". */
  path: string;
  /** exact: the path itself (with or without the trailing slash); tree: it and everything below it. */
  match: "exact" | "tree";
  /** What the live frontend calls there (the review's §2/§4 rows), or why it moves. */
  why: string;
  /** A larger request body than the site's 64 KiB (nginx's client_max_body_size syntax). */
  maxBody?: string;
}

export const ACCOUNTS_HOST = "accounts.zportaacademy.com";
export const LIVE_HOSTS = ["zportaacademy.com", "www.zportaacademy.com"];

/** The users API paths this app answers on the live domain. */
export const ACCOUNT_PATHS: AccountPath[] = [
  { path: "register", match: "exact", why: "A1 sign-up" },
  { path: "login", match: "exact", why: "A2 token sign-in" },
  { path: "logout", match: "exact", why: "A20 sign-out (ends the token)" },
  { path: "google-login", match: "exact", why: "A3 Google sign-in" },
  { path: "magic-link-request", match: "exact", why: "A4 email me a sign-in link" },
  { path: "magic-link-login", match: "tree", why: "X1 the old link's path (redirects to this app's page)" },
  { path: "magic-link/exchange", match: "exact", why: "the single-page app swaps a magic link's exchange code for a token" },
  // Four images of at most 5 MB each in one multipart body (the route's own limit).
  { path: "profile", match: "exact", why: "A5–A15 the profile (GET, PUT, PATCH, DELETE; image uploads)", maxBody: "21m" },
  { path: "deactivate", match: "exact", why: "A16" },
  { path: "change-password", match: "exact", why: "A17" },
  { path: "email-change", match: "tree", why: "change the address: ask, confirm, undo (this app's own; the mobile app and scripts)" },
  { path: "password-reset", match: "exact", why: "A18 ask for a reset link" },
  { path: "password-reset/confirm", match: "exact", why: "A19 set the new password" },
  { path: "session/heartbeat", match: "exact", why: "A21" },
  { path: "sessions", match: "tree", why: "devices: list, end one, end the others (this app's own)" },
  { path: "invitations", match: "tree", why: "A22–A26 list, send, accept, cancel" },
  { path: "guide-application", match: "exact", why: "A27 apply / own latest application" },
  { path: "guide-applications", match: "tree", why: "X3 staff list, approve, reject" },
  { path: "guides", match: "tree", why: "O8–O10 public guide list and pages (issue 22 point 5)" },
  { path: "preferences", match: "exact", why: "O11–O12 study preferences (issue 22 point 5)" },
  { path: "search", match: "exact", why: "O13 user search for sharing (issue 22 point 5)" },
];

/**
 * Paths that stay on Django although they sit under /api/users/ (their data lives in
 * other Django apps). Not routed by this table: listed so the test proves they are not
 * caught by a `tree` above, and so an operator sees them.
 */
export const STAYS_ON_DJANGO = [
  "/api/users/score/",
  "/api/users/progress/overview/",
  "/api/users/progress/history/",
  "/api/users/api/learning-score/",
  "/api/users/api/impact-score/",
  "/api/users/api/learning-analytics/",
  "/api/users/api/impact-analytics/",
  "/api/users/learning-score/",
  "/api/users/12/export-json/",
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The nginx regex for one row: the path with or without its trailing slash, or the whole tree. */
export function locationRegex(p: AccountPath): string {
  const base = `/api/users/${escape(p.path)}`;
  return p.match === "exact" ? `^${base}/?$` : `^${base}(?:/.*)?$`;
}
