import { dictionary } from "@zxcvbn-ts/language-common";

// The old platform's policy (Django's four default validators), with its wording.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
const MAX_SIMILARITY = 0.7;

// ~49,000 common passwords, from a widely used, maintained npm list.
const COMMON = new Set<string>((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

/** Problems with `password`, in the order Django reports them; empty when acceptable. */
export function passwordProblems(password: string, attrs: { username?: string; email?: string }): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`This password is too short. It must contain at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const similar = similarAttribute(password, attrs);
  if (similar) problems.push(`The password is too similar to the ${similar}.`);
  if (COMMON.has(password.trim().toLowerCase())) problems.push("This password is too common.");
  if (/^\d+$/.test(password)) problems.push("This password is entirely numeric.");
  return problems;
}

function similarAttribute(password: string, attrs: { username?: string; email?: string }): string | null {
  const pw = password.toLowerCase();
  const candidates: [string, string | undefined][] = [
    ["username", attrs.username],
    ["email address", attrs.email],
  ];
  for (const [label, value] of candidates) {
    if (!value) continue;
    const lower = value.toLowerCase();
    // Like Django: the whole value and each of its word parts (so "jane" of jane.doe@x).
    const parts = [lower, ...lower.split(/\W+/u)].filter((p) => p.length > 0);
    if (parts.some((part) => similarity(pw, part) >= MAX_SIMILARITY)) return label;
  }
  return null;
}

/** Python difflib.SequenceMatcher(a, b).ratio(): 2·M / (|a| + |b|). */
export function similarity(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  return (2 * matchingCharacters(a, 0, a.length, b, 0, b.length)) / (a.length + b.length);
}

// Sum of the longest common block, recursively left and right of it (Ratcliff/Obershelp).
function matchingCharacters(a: string, alo: number, ahi: number, b: string, blo: number, bhi: number): number {
  let best = 0;
  let bestI = alo;
  let bestJ = blo;
  let prev = new Array<number>(bhi - blo + 1).fill(0);
  for (let i = alo; i < ahi; i++) {
    const cur = new Array<number>(bhi - blo + 1).fill(0);
    for (let j = blo; j < bhi; j++) {
      if (a[i] === b[j]) {
        const k = prev[j - blo] + 1;
        cur[j - blo + 1] = k;
        if (k > best) {
          best = k;
          bestI = i - k + 1;
          bestJ = j - k + 1;
        }
      }
    }
    prev = cur;
  }
  if (best === 0) return 0;
  return (
    best +
    matchingCharacters(a, alo, bestI, b, blo, bestJ) +
    matchingCharacters(a, bestI + best, ahi, b, bestJ + best, bhi)
  );
}
