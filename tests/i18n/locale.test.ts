import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage } from "../../lib/i18n/locale";

describe("chooseLocale", () => {
  it("takes the member's saved locale first, then the cookie, then Accept-Language, then English", () => {
    const all = { memberLocale: "ja", cookie: "en", acceptLanguage: "en" };
    expect(chooseLocale(all)).toBe("ja");
    expect(chooseLocale({ ...all, memberLocale: "en", cookie: "ja", acceptLanguage: "ja" })).toBe("en");
    expect(chooseLocale({ memberLocale: null, cookie: "ja", acceptLanguage: "en" })).toBe("ja");
    expect(chooseLocale({ cookie: "en", acceptLanguage: "ja" })).toBe("en");
    expect(chooseLocale({ acceptLanguage: "ja-JP,ja;q=0.9,en;q=0.8" })).toBe("ja");
    expect(chooseLocale({})).toBe("en");
  });

  it("skips values it does not know at every step", () => {
    expect(chooseLocale({ memberLocale: "fr", cookie: "ja" })).toBe("ja");
    expect(chooseLocale({ memberLocale: "", cookie: "JA", acceptLanguage: "ja" })).toBe("ja");
    expect(chooseLocale({ cookie: "xx", acceptLanguage: "de" })).toBe("en");
  });
});

describe("fromAcceptLanguage", () => {
  it("maps regional tags to their language", () => {
    expect(fromAcceptLanguage("ja-JP")).toBe("ja");
    expect(fromAcceptLanguage("en-GB")).toBe("en");
    expect(fromAcceptLanguage("JA")).toBe("ja");
  });

  it("follows q-values, then the order given", () => {
    expect(fromAcceptLanguage("en;q=0.5, ja;q=0.8")).toBe("ja");
    expect(fromAcceptLanguage("de, fr;q=0.9, ja;q=0.3, en;q=0.2")).toBe("ja");
    expect(fromAcceptLanguage("ja;q=0.8, en;q=0.8")).toBe("ja");
    expect(fromAcceptLanguage("en, ja")).toBe("en");
  });

  it("treats q=0 as refused and * as any other language", () => {
    expect(fromAcceptLanguage("ja;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage("ja;q=0")).toBeNull();
    expect(fromAcceptLanguage("de, *;q=0.5")).toBe("en");
    expect(fromAcceptLanguage("en;q=0, *")).toBe("ja");
  });

  it("gives null for nothing supported and survives junk", () => {
    expect(fromAcceptLanguage("de-DE, fr")).toBeNull();
    expect(fromAcceptLanguage("")).toBeNull();
    expect(fromAcceptLanguage(null)).toBeNull();
    expect(fromAcceptLanguage(";;;,,,q=,")).toBeNull();
    expect(fromAcceptLanguage("ja;q=abc")).toBe("ja");
    expect(fromAcceptLanguage(`${"x,".repeat(2000)}ja`)).toBeNull();
  });
});
