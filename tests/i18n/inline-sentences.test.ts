import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { read, rel, ROOT, sourceFiles } from "./catalogue-scan";
import { inlineTexts } from "./inline-text";

// No page or component shows words that are not in the catalogue (docs/i18n.md). Pages
// not converted yet are listed in lib/i18n/not-yet-translated.txt; converting one removes
// its line, and a listed file without inline text fails too, so the list only shrinks.

const LIST = "lib/i18n/not-yet-translated.txt";
const notYet = readFileSync(path.join(ROOT, LIST), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));

const files = sourceFiles("app", [".tsx"]);

describe("inline sentences", () => {
  it("lists each file not yet converted once, and only files that exist", () => {
    expect(new Set(notYet).size).toBe(notYet.length);
    expect(notYet.filter((f) => !existsSync(path.join(ROOT, f)))).toEqual([]);
  });

  it("leaves no words outside the catalogue in converted files", () => {
    const offenders = files
      .filter((f) => !notYet.includes(rel(f)))
      .flatMap((f) => inlineTexts(f, read(f)).map((t) => `${rel(f)}:${t.line} ${JSON.stringify(t.text)}`));
    expect(offenders).toEqual([]);
  });

  it(`keeps in ${LIST} only files that still have inline words`, () => {
    const done = notYet.filter((f) => inlineTexts(f, read(path.join(ROOT, f))).length === 0);
    expect(done, `converted: remove these lines from ${LIST}`).toEqual([]);
  });

  it("finds the inline words it is meant to find", () => {
    const sample = `export const metadata = { title: "Hello" };
      export function A({ s }: { s: string }) {
        return <div title="Tip" className="a b">Hi {t("key")} {s === "error" ? "Bad" : "Ok"}<X label={"L"} onClick={() => go("zz")} /></div>;
      }`;
    expect(inlineTexts("sample.tsx", sample).map((t) => t.text)).toEqual(["Hello", "Tip", "Hi", "Bad", "Ok", "L"]);
    expect(inlineTexts("ok.tsx", `export const A = () => <p className="x">{t("a")} {" · "} {n}</p>;`)).toEqual([]);
  });
});
