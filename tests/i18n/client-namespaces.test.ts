import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "../../lib/i18n/config";

// The layout sends the browser only CLIENT_NAMESPACES (app/layout.tsx): a component that
// reads another namespace with the hook would render keys instead of sentences there.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".tsx") ? [full] : [];
  });
}

describe("namespaces sent to the browser", () => {
  it("cover every useTranslations namespace in app/", () => {
    const used = new Set<string>();
    for (const file of files("app")) {
      for (const m of readFileSync(file, "utf8").matchAll(/useTranslations\(\s*"([^".]+)/g)) used.add(m[1]);
      expect(readFileSync(file, "utf8"), `${file}: useTranslations() without a namespace`).not.toMatch(/useTranslations\(\s*\)/);
    }
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns));
    expect(missing).toEqual([]);
  });

  it("leave the emails and the domain sentences on the server", () => {
    for (const ns of ["mail", "errors", "adminAudit", "magicLink"]) expect(CLIENT_NAMESPACES as readonly string[]).not.toContain(ns);
  });
});
