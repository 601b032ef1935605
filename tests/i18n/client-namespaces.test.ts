import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MEMBER_CLIENT_NAMESPACES, STAFF_CLIENT_NAMESPACES } from "../../lib/i18n/config";

// The root layout sends the browser only MEMBER_CLIENT_NAMESPACES (app/layout.tsx), the
// staff area's layout adds STAFF_CLIENT_NAMESPACES (app/admin/layout.tsx): a component
// that reads another namespace with the hook would render keys instead of sentences.

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".tsx") ? [full] : [];
  });
}

describe("namespaces sent to the browser", () => {
  it("cover every useTranslations namespace in app/, the staff ones only under app/admin/", () => {
    const member = new Set<string>(MEMBER_CLIENT_NAMESPACES);
    const staff = new Set<string>([...MEMBER_CLIENT_NAMESPACES, ...STAFF_CLIENT_NAMESPACES]);
    const missing: string[] = [];
    let used = 0;
    for (const file of files("app")) {
      const text = readFileSync(file, "utf8");
      expect(text, `${file}: useTranslations() without a namespace`).not.toMatch(/useTranslations\(\s*\)/);
      const sent = file.startsWith(path.join("app", "admin") + path.sep) ? staff : member;
      for (const m of text.matchAll(/useTranslations\(\s*"([^".]+)/g)) {
        used++;
        if (!sent.has(m[1])) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(used).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });

  it("leave the emails, the domain sentences and (outside the staff area) the staff forms on the server", () => {
    for (const ns of ["mail", "errors", "adminAudit", "magicLink", ...STAFF_CLIENT_NAMESPACES]) expect(MEMBER_CLIENT_NAMESPACES as readonly string[]).not.toContain(ns);
    for (const ns of ["mail", "errors", "adminAudit"]) expect(STAFF_CLIENT_NAMESPACES as readonly string[]).not.toContain(ns);
  });
});
