// Every email is written once, as plain text (what the outbox stores, staff read with
// secrets redacted, and old mail clients show). Its HTML part is derived from that text at
// delivery, so the two can never say different things and the one-time secret handling
// of the outbox (lib/outbox/secret-text.ts) stays the only place a link's secret lives.
//
// The text's conventions, which every email in lib/ follows:
// - paragraphs are separated by a blank line;
// - the email's one action is a line `Label: https://…` (or a URL alone on its line),
//   drawn as a button; any other URL becomes a plain link;
// - lines starting with "> " are a quotation (a staff note, an inviter's message).
//
// The text was written in the recipient's language when it was queued; the outbox keeps no
// language, so the HTML's own words (button fallback, footer, <html lang>) follow the text:
// Japanese when a line of ours (not a quotation, which may hold anyone's words) ends a
// sentence with "。".

import type { Locale } from "../i18n/config";
import { translator } from "../i18n/translator";

const BRAND = "Zporta Academy";
const ACCENT = "#0b5cad";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const URL_RE = /https?:\/\/[^\s<>"']+/g;
const ACTION_RE = /^(?:(.{1,80}?):\s+)?(https?:\/\/[^\s<>"']+)$/;

function linkify(line: string): string {
  let out = "";
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:)]+$/, "");
    out += escapeHtml(line.slice(last, m.index)) + `<a href="${escapeHtml(url)}" style="color:${ACCENT}">${escapeHtml(url)}</a>`;
    last = (m.index ?? 0) + url.length;
  }
  return out + escapeHtml(line.slice(last));
}

/** The language the email's text is written in (see above). */
export function textLocale(text: string): Locale {
  return text.split("\n").some((l) => !l.startsWith(">") && l.includes("。")) ? "ja" : "en";
}

function button(label: string, url: string, pasteAddress: string): string {
  return (
    `<table role="presentation" cellspacing="0" cellpadding="0" style="margin:20px 0"><tr><td style="border-radius:6px;background:${ACCENT}">` +
    `<a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px">${escapeHtml(label)}</a>` +
    `</td></tr></table>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#57606a">${escapeHtml(pasteAddress)} <br><span style="word-break:break-all">${escapeHtml(url)}</span></p>`
  );
}

function paragraph(lines: string[]): string {
  if (lines.every((l) => l.startsWith("> ") || l === ">")) {
    const quoted = lines.map((l) => linkify(l.replace(/^> ?/, ""))).join("<br>");
    return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;color:#1b1f24">${quoted}</blockquote>`;
  }
  return `<p style="margin:0 0 16px">${lines.map(linkify).join("<br>")}</p>`;
}

/** The branded HTML part of an email whose plain text is `text`. */
export function renderEmailHtml(subject: string, text: string): string {
  const locale = textLocale(text);
  const t = translator(locale);
  let actionUsed = false;
  const blocks: string[] = [];
  for (const para of text.trim().split(/\n\s*\n/)) {
    const lines = para.split("\n");
    const pending: string[] = [];
    for (const line of lines) {
      const action = actionUsed ? null : ACTION_RE.exec(line.trim());
      if (action) {
        if (pending.length) blocks.push(paragraph(pending.splice(0)));
        blocks.push(button(action[1] ?? t("mail.html.openLink"), action[2], t("mail.html.pasteAddress")));
        actionUsed = true;
      } else pending.push(line);
    }
    if (pending.length) blocks.push(paragraph(pending));
  }
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f6f8fa;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1b1f24;font-size:16px;line-height:1.5">` +
    `<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f6f8fa"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:560px">` +
    `<tr><td style="padding:0 0 16px;font-weight:700;font-size:18px">` +
    `<span style="display:inline-block;width:28px;height:28px;line-height:28px;text-align:center;border-radius:6px;background:${ACCENT};color:#fff;margin-right:8px">Z</span>${BRAND}</td></tr>` +
    `<tr><td style="background:#ffffff;border:1px solid #d0d7de;border-radius:8px;padding:24px">${blocks.join("")}</td></tr>` +
    `<tr><td style="padding:16px 4px;font-size:12px;color:#57606a">${escapeHtml(t("mail.html.footer", { site: BRAND }))}</td></tr>` +
    `</table></td></tr></table></body></html>`
  );
}
