import { logger } from "../log/logger";
import type { Locale } from "./config";
import { catalogues } from "./messages";
import { translator } from "./translator";

// Use cases refuse with English sentences (DomainError): the old JSON API sends them byte
// for byte. Pages show them in the reader's language: the `errors` namespace holds each
// sentence, its English value being exactly the use case's text, with ICU arguments
// ({status}, {max}) where the sentence carries a value. Here a sentence is matched back to
// its key (arguments as wildcards) and rendered in the wanted language.
//
// Only plain {name} arguments are matched; a sentence needing plural/select forms keeps
// its English argument-free wording in the use case and gets its own key per form.

interface Pattern {
  key: string;
  regex: RegExp;
  names: string[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** ICU's '' is one apostrophe; the rest of the English value is literal text around {name} arguments. */
function compile(key: string, english: string): Pattern {
  const names: string[] = [];
  const parts = english.split(/\{\s*([A-Za-z_][\w]*)\s*\}/);
  let source = "^";
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      names.push(part);
      source += "([\\s\\S]+?)";
    } else {
      source += escapeRegex(part.replace(/''/g, "'"));
    }
  });
  return { key, regex: new RegExp(`${source}$`), names };
}

function flatten(tree: unknown, prefix = ""): [string, string][] {
  if (typeof tree === "string") return [[prefix, tree]];
  if (!tree || typeof tree !== "object") return [];
  return Object.entries(tree).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

let patterns: Pattern[] | null = null;
function allPatterns(): Pattern[] {
  // Literal sentences before ones with arguments, so a wildcard never swallows a sentence that has its own key.
  patterns ??= flatten(catalogues.en.errors)
    .map(([key, english]) => compile(key, english))
    .sort((a, b) => a.names.length - b.names.length);
  return patterns;
}

const reported = new Set<string>();
const MAX_REPORTED = 1000;

function reportUntranslated(sentence: string): void {
  if (reported.has(sentence) || reported.size >= MAX_REPORTED) return;
  reported.add(sentence);
  // A sentence may quote what someone typed: addresses are masked (never a full email in logs).
  logger.warn({ event: "i18n.untranslated", sentence: sentence.slice(0, 200).replace(/\S+@\S+/g, "[email]") }, "domain sentence without a catalogue entry");
}

/** The sentence in `locale`: English is returned untouched; an unknown sentence stays English (logged once). */
export function translateDomainSentence(sentence: string, locale: Locale): string {
  if (!sentence.trim()) return sentence;
  for (const p of allPatterns()) {
    const m = p.regex.exec(sentence);
    if (!m) continue;
    if (locale === "en") return sentence;
    const values = Object.fromEntries(p.names.map((name, i) => [name, m[i + 1]]));
    // The key comes from the catalogue itself, so it exists; next-intl's key type cannot know that.
    return (translator(locale) as unknown as (key: string, values: Record<string, string>) => string)(`errors.${p.key}`, values);
  }
  // An English page needs nothing; only a sentence missing for another language is worth a log line.
  if (locale !== "en") reportUntranslated(sentence);
  return sentence;
}

/** A refusal's sentence and per-field sentences in `locale`, for form states. */
export function translateRefusal(
  err: { message: string; fields?: Record<string, string> },
  locale: Locale,
): { message: string; fields: Record<string, string> } {
  const fields = Object.fromEntries(Object.entries(err.fields ?? {}).map(([name, text]) => [name, translateDomainSentence(text, locale)]));
  return { message: translateDomainSentence(err.message, locale), fields };
}
