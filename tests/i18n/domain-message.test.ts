import { afterEach, describe, expect, it, vi } from "vitest";
import { translateDomainSentence, translateRefusal } from "../../lib/i18n/domain-message";
import { logger } from "../../lib/log/logger";

// Use cases refuse in English (the old API's bytes); pages show the sentence in the
// reader's language through the `errors` namespace.

afterEach(() => vi.restoreAllMocks());

describe("translateDomainSentence", () => {
  it("renders a known sentence in Japanese and leaves English byte for byte", () => {
    expect(translateDomainSentence("Choose English or Japanese.", "ja")).toBe("英語または日本語を選択してください。");
    expect(translateDomainSentence("Choose English or Japanese.", "en")).toBe("Choose English or Japanese.");
  });

  it("matches ICU arguments as wildcards and carries their values over", () => {
    expect(translateDomainSentence("location must be at most 255 characters.", "ja")).toBe("locationは255文字以内で入力してください。");
    expect(translateDomainSentence("bio must be at most 3000 characters.", "en")).toBe("bio must be at most 3000 characters.");
  });

  it("does not match a sentence that only contains a known one", () => {
    const warn = vi.spyOn(logger, "warn");
    expect(translateDomainSentence("Please Choose English or Japanese. Now.", "ja")).toBe("Please Choose English or Japanese. Now.");
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("keeps an unknown sentence in English and logs it once, without the address it may quote", () => {
    const warn = vi.spyOn(logger, "warn");
    const sentence = `No account uses someone.${Date.now()}@example.com yet.`;
    expect(translateDomainSentence(sentence, "ja")).toBe(sentence);
    expect(translateDomainSentence(sentence, "ja")).toBe(sentence);
    expect(warn).toHaveBeenCalledTimes(1);
    // An English page or an empty "done" says nothing worth a log line.
    expect(translateDomainSentence(`${sentence} (en)`, "en")).toBe(`${sentence} (en)`);
    expect(translateDomainSentence("", "ja")).toBe("");
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields] = warn.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(fields.event).toBe("i18n.untranslated");
    expect(String(fields.sentence)).not.toContain("@example.com");
  });

  it("translates a refusal's per-field sentences too", () => {
    const refusal = translateRefusal({ message: "Choose English or Japanese.", fields: { bio: "bio must be at most 10 characters." } }, "ja");
    expect(refusal).toEqual({ message: "英語または日本語を選択してください。", fields: { bio: "bioは10文字以内で入力してください。" } });
    expect(translateRefusal({ message: "Choose English or Japanese." }, "en")).toEqual({ message: "Choose English or Japanese.", fields: {} });
  });
});
