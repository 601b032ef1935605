import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePoints, passwordProblems, quickRatio } from "../../lib/users/password-policy";

const SHORT = "This password is too short. It must contain at least 8 characters.";
const COMMON = "This password is too common.";
const NUMERIC = "This password is entirely numeric.";
const LIKE_USERNAME = "The password is too similar to the username.";
const LIKE_EMAIL = "The password is too similar to the email address.";

const cp = (s: string) => codePoints(s);

describe("password policy (Django's defaults)", () => {
  it("computes difflib's SequenceMatcher.quick_ratio (values from Python 3.11's difflib)", () => {
    expect(quickRatio(cp("abcd"), cp("bcde"))).toBe(0.75);
    expect(quickRatio(cp("password"), cp("password"))).toBe(1);
    expect(quickRatio([], [])).toBe(1);
    expect(quickRatio(cp("qwerty"), cp("zzzz"))).toBe(0);
    // Order-blind: ratio() is 0.5555… and 0.1111… for these; quick_ratio is 1.0.
    expect(quickRatio(cp("smithjohn"), cp("johnsmith"))).toBe(1);
    expect(quickRatio(cp("rednaxela"), cp("alexander"))).toBe(1);
    // Multisets: "aab" ∩ "abb" = {a, b}.
    expect(quickRatio(cp("aab"), cp("abb"))).toBe(2 * 2 / 6);
    // Code points: the emoji is one element on each side, as in Python.
    expect(quickRatio(cp("😀a"), cp("😀b"))).toBe(0.5);
  });

  it.each([
    ["short1!", [SHORT]],
    ["12345678901", [COMMON, NUMERIC]],
    ["48290173", [NUMERIC]],
    ["iloveyou", [COMMON]],
    ["SecurePass123!", []],
    ["Pass123!", []],
  ])("%s", (password, problems) => {
    expect(passwordProblems(password, {})).toEqual(problems);
  });

  it("checks similarity to the username and to the email and its parts", () => {
    expect(passwordProblems("margarita1", { username: "margarita" })).toContain(LIKE_USERNAME);
    expect(passwordProblems("stonewall9", { email: "jane.stonewall@example.com" })).toContain(LIKE_EMAIL);
    expect(passwordProblems("SecurePass123!", { username: "test1", email: "test1@example.com" })).toEqual([]);
  });

  // Every expected answer below was computed by running Django's validator logic
  // (django/contrib/auth/password_validation.py: exceeds_maximum_length_ratio, then
  // SequenceMatcher(a=password.lower(), b=part.lower()).quick_ratio() >= 0.7 over
  // re.split(r"\W+", value.lower()) + [value.lower()]; len(); str.isdigit(); lower().strip())
  // with Python 3.11. "old:" says what the previous implementation answered instead.
  it.each<[string, string, { username?: string; email?: string }, string[]]>([
    // old: ratio() instead of quick_ratio(): 0.56, accepted.
    ["an anagram of the username", "smithjohn", { username: "johnsmith" }, [LIKE_USERNAME]],
    // old: ratio() 0.11, accepted.
    ["the username reversed", "rednaxela", { username: "alexander" }, [LIKE_USERNAME]],
    // old: ASCII \W split "josé.garcía" into jos/garc/a, none close enough; Django compares "garcía" (0.8).
    ["a non-ASCII word of the username", "garcía-77", { username: "josé.garcía" }, [LIKE_USERNAME]],
    // Django compares word runs and the whole address, not the local part as one string (0.5 each).
    ["the local part with a suffix", "jane.doe1234", { email: "jane.doe@example.com" }, []],
    // old: 8 UTF-16 units, accepted.
    ["four emoji", "😀😀😀😀", {}, [SHORT]],
    // old: 11 UTF-16 units, accepted.
    ["seven code points, eleven UTF-16 units", "abc😀😀😀😀", {}, [SHORT]],
    ["eight emoji", "😀😀😀😀😀😀😀😀", {}, []],
    // old: ASCII-only \d, accepted.
    ["Arabic-Indic digits", "١٢٣٤٥٦٧٨٩", {}, [NUMERIC]],
    // old: accepted. isdigit() takes Numeric_Type=Digit too, which \p{Nd} alone would miss.
    ["superscript digits", "²³¹⁴⁵⁶⁷⁸", {}, [NUMERIC]],
    ["circled digits", "①②③④⑤⑥⑦⑧", {}, [NUMERIC]],
    // Numeric_Type=Numeric (fractions) is not a digit for isdigit().
    ["vulgar fractions", "½½½½½½½½", {}, []],
    ["digits and letters", "١٢٣٤abcd", {}, []],
    // old: String#trim keeps U+0085, Python's strip() removes it: "iloveyou" is common.
    ["a common password after NEL", "\u0085iloveyou", {}, [COMMON]],
    // old: String#trim removes U+FEFF, Python's strip() does not: not in the list.
    ["a common password after a BOM", "\uFEFFiloveyou", {}, []],
    // The test suites' usernames (uniq("user")) with the most overlap possible: still accepted.
    ["the seed password", "SecurePass123!", { username: "user_ace123ace1", email: "user_ace123ace1@example.com" }, []],
  ])("as Django: %s", (_label, password, attrs, problems) => {
    expect(passwordProblems(password, attrs)).toEqual(problems);
  });

  it("refuses any reordering of the username (quick_ratio is 1.0)", () => {
    const letter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_éüñøçж中ق".split(""));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 8, maxLength: 40 }), fc.infiniteStream(fc.nat()), (chars, rnd) => {
        const shuffled = [...chars];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        return passwordProblems(shuffled.join(""), { username: chars.join("") }).includes(LIKE_USERNAME);
      }),
    );
  });

  it("computes the worst case (150-character username, 256 distinct CJK characters) in linear time", () => {
    // The old ratio() took ~20 ms here on the event loop (review I7); quick_ratio is one pass.
    const cjk = Array.from({ length: 256 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    const password = cjk.join("");
    const username = cjk.slice(0, 150).reverse().join("");
    // Django: quick_ratio = 2·150 / 406 = 0.739 ≥ 0.7.
    expect(passwordProblems(password, { username, email: "x@example.com" })).toEqual([LIKE_USERNAME]);
  });
});
