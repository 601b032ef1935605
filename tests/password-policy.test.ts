import { describe, expect, it } from "vitest";
import { passwordProblems, similarity } from "../lib/users/password-policy";

describe("password policy (Django's defaults)", () => {
  it("matches difflib's SequenceMatcher ratio", () => {
    expect(similarity("abcd", "bcde")).toBeCloseTo(0.75);
    expect(similarity("password", "password")).toBe(1);
    expect(similarity("", "")).toBe(1);
    expect(similarity("qwerty", "zzzz")).toBe(0);
  });

  it.each([
    ["short1!", ["This password is too short. It must contain at least 8 characters."]],
    ["12345678901", ["This password is too common.", "This password is entirely numeric."]],
    ["48290173", ["This password is entirely numeric."]],
    ["iloveyou", ["This password is too common."]],
    ["SecurePass123!", []],
    ["Pass123!", []],
  ])("%s", (password, problems) => {
    expect(passwordProblems(password, {})).toEqual(problems);
  });

  it("checks similarity to the username and to the email and its parts", () => {
    expect(passwordProblems("margarita1", { username: "margarita" })).toContain("The password is too similar to the username.");
    expect(passwordProblems("stonewall9", { email: "jane.stonewall@example.com" })).toContain(
      "The password is too similar to the email address.",
    );
    expect(passwordProblems("SecurePass123!", { username: "test1", email: "test1@example.com" })).toEqual([]);
  });
});
