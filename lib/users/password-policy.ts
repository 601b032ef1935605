import { dictionary } from "@zxcvbn-ts/language-common";

// The old platform's policy: Django's four default validators, with their wording and their
// exact rules (current django/contrib/auth/password_validation.py). Strings are
// compared as Python does, by code point. docs/password-policy.md lists the few places where
// JavaScript's Unicode data can differ from Python's.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
const MAX_SIMILARITY = 0.7;

// ~49,000 common passwords, from a widely used, maintained npm list (Django ships its own
// 20,000; see docs/password-policy.md).
const COMMON = new Set<string>((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

// Python's `\w` on str patterns: str.isalnum() or "_". On every code point both Unicode
// databases assign, that is exactly letters, numbers and "_" (checked over all code points).
const PY_NON_WORD_RUN = /[^\p{L}\p{N}_]+/gu;
// Python's str.isdigit(): Numeric_Type Decimal (= \p{Nd}) or Digit. JavaScript has no
// Numeric_Type property, so the 128 Digit characters (superscripts, circled digits, …) are listed.
const PY_DIGITS = /^[\p{Nd}\u{B2}-\u{B3}\u{B9}\u{1369}-\u{1371}\u{19DA}\u{2070}\u{2074}-\u{2079}\u{2080}-\u{2089}\u{2460}-\u{2468}\u{2474}-\u{247C}\u{2488}-\u{2490}\u{24EA}\u{24F5}-\u{24FD}\u{24FF}\u{2776}-\u{277E}\u{2780}-\u{2788}\u{278A}-\u{2792}\u{10A40}-\u{10A43}\u{10E60}-\u{10E68}\u{11052}-\u{1105A}\u{1F100}-\u{1F10A}]+$/u;
// Python's str.isspace() set, for str.strip() (String#trim differs: it strips U+FEFF and keeps
// U+001C–U+001F and U+0085).
const PY_SPACE = "\\t\\n\\v\\f\\r\\u001C-\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
const PY_STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");

type Attributes = { username?: string; email?: string };

/** Problems with `password`, in this project's order (the sign-up answer shows the first); empty when acceptable. */
export function passwordProblems(password: string, attrs: Attributes): string[] {
  const problems: string[] = [];
  if (codePoints(password).length < MIN_PASSWORD_LENGTH) {
    problems.push(`This password is too short. It must contain at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const similar = similarAttribute(password, attrs);
  if (similar) problems.push(`The password is too similar to the ${similar}.`);
  if (COMMON.has(pythonStrip(password.toLowerCase()))) problems.push("This password is too common.");
  if (PY_DIGITS.test(password)) problems.push("This password is entirely numeric.");
  return problems;
}

/**
 * Django's UserAttributeSimilarityValidator: the lower-cased password against each attribute's
 * `re.split(r"\W+", value.lower())` parts and the whole lower-cased value. A part far shorter
 * than the password is skipped; otherwise quick_ratio() ≥ 0.7 refuses. Django uses quick_ratio
 * alone (an order-blind upper bound of ratio()), so anagrams of the username are refused too.
 * Linear time: no longest-match search runs on the event loop.
 */
function similarAttribute(password: string, attrs: Attributes): string | null {
  const pw = codePoints(password.toLowerCase());
  // Django's attribute names and verbose names, in its order (first_name and last_name do not exist here).
  const candidates: [string, string | undefined][] = [
    ["username", attrs.username],
    ["email address", attrs.email],
  ];
  for (const [label, value] of candidates) {
    if (!value) continue;
    const lower = value.toLowerCase();
    // Empty parts (a value starting or ending with punctuation) are kept, as re.split keeps
    // them: the length-ratio rule then skips them for any non-empty password.
    for (const part of [...lower.split(PY_NON_WORD_RUN), lower]) {
      const chars = codePoints(part);
      if (exceedsMaximumLengthRatio(pw.length, chars.length)) continue;
      if (quickRatio(pw, chars) >= MAX_SIMILARITY) return label;
    }
  }
  return null;
}

/** Django's exceeds_maximum_length_ratio: quick_ratio is then ≤ 2/10 < 0.7, so the part is skipped. */
function exceedsMaximumLengthRatio(passwordLength: number, valueLength: number): boolean {
  return passwordLength >= 10 * valueLength && valueLength < (MAX_SIMILARITY / 2) * passwordLength;
}

/** Python difflib.SequenceMatcher(a=a, b=b).quick_ratio(): 2·|a ∩ b| / (|a| + |b|) over multisets. */
export function quickRatio(a: readonly string[], b: readonly string[]): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const available = new Map<string, number>();
  for (const ch of b) available.set(ch, (available.get(ch) ?? 0) + 1);
  let matches = 0;
  for (const ch of a) {
    const left = available.get(ch) ?? 0;
    if (left > 0) {
      matches++;
      available.set(ch, left - 1);
    }
  }
  return (2 * matches) / total;
}

/** The string as Python sees it: one element per code point (an emoji is one, not two). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

function pythonStrip(s: string): string {
  return s.replace(PY_STRIP, "");
}
