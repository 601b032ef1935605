import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "../../lib/i18n/config";
import { catalogues } from "../../lib/i18n/messages";
import { flatten, read, ROOT, sourceFiles } from "./catalogue-scan";

// The two catalogues say the same things: same keys, same ICU arguments, nothing empty,
// nothing left over that no code uses.

/** The ICU argument names of a message ({name}, {count, plural, …}), sorted. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*(?:,|\})/g)) names.add(m[1]);
  return [...names].sort();
}

describe("catalogues", () => {
  it("has one JSON file per namespace and language, each loaded", () => {
    for (const locale of LOCALES) {
      for (const ns of NAMESPACES) {
        const file = path.join(ROOT, "lib/i18n/messages", locale, `${ns}.json`);
        expect(JSON.parse(readFileSync(file, "utf8")), file).toEqual(catalogues[locale][ns]);
      }
      expect(Object.keys(catalogues[locale]).sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it("has every key in both languages, with the same ICU arguments and no empty value", () => {
    const en = new Map(flatten(catalogues.en));
    const ja = new Map(flatten(catalogues.ja));
    expect([...ja.keys()].filter((k) => !en.has(k)), "keys only in ja").toEqual([]);
    expect([...en.keys()].filter((k) => !ja.has(k)), "keys only in en").toEqual([]);
    for (const [key, english] of en) {
      const japanese = ja.get(key)!;
      expect(english.trim(), `en ${key} is empty`).not.toBe("");
      expect(japanese.trim(), `ja ${key} is empty`).not.toBe("");
      expect(argumentsOf(japanese), `arguments of ${key}`).toEqual(argumentsOf(english));
    }
  });

  it("has no key that no code uses", () => {
    // A key is used when some file quotes its whole path ("common.siteName"), or quotes a
    // head of it as a namespace (useTranslations("common.password")) and the rest as a key (t("hide")).
    const sources = [...sourceFiles("app"), ...sourceFiles("lib")].map(read);
    const quotes = (s: string, text: string) => [`"${text}"`, `'${text}'`, `\`${text}\``].some((q) => s.includes(q));
    const unused: string[] = [];
    for (const ns of NAMESPACES) {
      if (ns === "errors") continue; // matched by sentence, below
      for (const [key] of flatten(catalogues.en[ns])) {
        const parts = [ns, ...key.split(".")];
        const used = sources.some((s) =>
          parts.some((_, i) => i > 0 && quotes(s, parts.slice(0, i).join(".")) && quotes(s, parts.slice(i).join("."))) || quotes(s, parts.join(".")),
        );
        if (!used) unused.push(`${ns}.${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it("has no domain sentence that no use case says any more", () => {
    // errors.* are found by their English text (lib/i18n/domain-message.ts): each must still be
    // in the code, written out, or composed from a quoted label and the rest (`${label} is required.`).
    const sources = [...sourceFiles("app"), ...sourceFiles("lib")].map(read).join("\n");
    const literals = new Set([...sources.matchAll(/"([^"\\\n]{2,60})"/g)].map((m) => m[1]));
    const said = (english: string) => {
      const pattern = english
        .replace(/''/g, "'")
        .split(/\{\s*[A-Za-z_]\w*\s*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[\\s\\S]{1,80}?");
      if (new RegExp(pattern).test(sources)) return true;
      return [...literals].some((label) => english.startsWith(label) && english.length > label.length && sources.includes(english.slice(label.length)));
    };
    const stale = flatten(catalogues.en.errors).filter(([, english]) => !said(english));
    expect(stale.map(([key]) => key)).toEqual([]);
  });
});
