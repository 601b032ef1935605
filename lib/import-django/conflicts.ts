import type { Conflict } from "./types";

/** Collects the repairs an import makes; each is reported, none is silent. */
export class Conflicts {
  readonly list: Conflict[] = [];
  add(kind: string, ids: number[], action: string): void {
    this.list.push({ kind, ids, action });
  }
}

// eslint-disable-next-line no-control-regex
const NUL = /\u0000/g;

/**
 * A text value as our schema takes it: NUL characters removed (PostgreSQL's text cannot
 * hold them; the old system turned them into 500s) and cut to `max` characters. Each
 * change is reported against `ids`.
 */
export function cleanText(value: string, max: number, field: string, ids: number[], conflicts: Conflicts): string {
  let out = value;
  if (out.includes("\u0000")) {
    out = out.replace(NUL, "");
    conflicts.add("nul_characters", ids, `${field}: NUL characters removed`);
  }
  if ([...out].length > max) {
    out = [...out].slice(0, max).join("");
    conflicts.add("value_too_long", ids, `${field}: cut to ${max} characters (was ${[...value].length})`);
  }
  return out;
}

export function cleanOptional(value: string | null, max: number, field: string, ids: number[], conflicts: Conflicts): string | null {
  if (value === null) return null;
  const out = cleanText(value, max, field, ids, conflicts);
  return out.trim() === "" ? null : out;
}
