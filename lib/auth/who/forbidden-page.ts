// The staff area's 403 page as plain HTML, answered by proxy.ts. Next 16.4 renders the
// forbidden() boundary only into the RSC payload of production builds, so without
// JavaScript that page is blank; this one is readable everywhere and carries the
// status itself. Its wording matches app/components/forbidden-notice.tsx.
const page = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Not allowed · Zporta Academy</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f6f8fa;color:#1b1f24;line-height:1.5}
header{padding:.75rem 1.25rem;background:#fff;border-bottom:1px solid #d0d7de;font-weight:700}
header a{color:#1b1f24;text-decoration:none}main{max-width:40rem;margin:2rem auto;padding:0 1rem}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1.5rem}a{color:#0b5cad}</style></head>
<body><header><a href="/">Zporta Academy</a></header><main id="main"><section>
<h1>403 · Not allowed</h1>
${body}
</section></main></body></html>`;

export const FORBIDDEN_HTML = page(`<p>This area is for staff only. You are signed in, but your account does not have access to it.</p>
<p><a href="/account">Go to your account</a></p>`);

/** While a staff member views the site as a member ("view as"): staff pages stay closed until Stop. */
export const VIEWING_AS_FORBIDDEN_HTML = page(`<p>This area is for staff only. You are viewing the site as a member, so it is closed until you stop viewing.</p>
<p><a href="/account">Go back: the banner at the top has Stop</a></p>`);

/** Staff without a second factor while REQUIRE_2FA covers them (lib/two-factor/requirement.ts). */
export const SECOND_FACTOR_FORBIDDEN_HTML = page(`<p>Two-factor authentication is required for staff: set up an authenticator app on your security page first.</p>
<p><a href="/account/security">Set up two-factor authentication</a></p>`);

/** A form of this site posted from another site (lib/http/cross-site-form.ts): nothing was done. */
export const CROSS_SITE_FORM_HTML = page(`<p>This form was sent from another site, so nothing was done. If you meant to use Zporta Academy, open it and send the form from there.</p>
<p><a href="/">Go to Zporta Academy</a></p>`);
