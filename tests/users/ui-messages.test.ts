import { describe, expect, it } from "vitest";
import { BLANK, pageFieldErrors, REGISTER_REQUIRED } from "@/lib/ui-messages";
import { REQUIRED_MESSAGE } from "@/lib/users/register-schema";
import { changePasswordSchema } from "@/lib/users/change-password-schema";

// Pages never show one sentence under several fields (issue 21 point 3): the API's
// shared "required" sentences become one specific sentence per field.

describe("pageFieldErrors", () => {
  it("knows the use cases' generic sentences word for word", () => {
    expect(REGISTER_REQUIRED).toBe(REQUIRED_MESSAGE);
    const blank = changePasswordSchema.safeParse({ current_password: "", new_password: "x", confirm_new_password: "x" });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((i) => i.message)).toContain(BLANK);
  });

  it("turns the sign-up form's one sentence for three fields into three different ones", () => {
    const fields = { username: REQUIRED_MESSAGE, email: REQUIRED_MESSAGE, password: REQUIRED_MESSAGE };
    const shown = pageFieldErrors(fields, { username: "Username", email: "Email", password: "Password" });
    expect(shown).toEqual({ username: "Username is required.", email: "Email is required.", password: "Password is required." });
    expect(new Set(Object.values(shown)).size).toBe(3);
  });

  it("keeps specific sentences as they are", () => {
    expect(pageFieldErrors({ email: "Email already registered." }, { email: "Email" })).toEqual({ email: "Email already registered." });
  });
});
