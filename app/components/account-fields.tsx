import { BIO_MAX, USERNAME_MAX } from "@/lib/users/field-limits";
import { Field } from "./field";

// The fields every way of creating an account shares (the sign-up page and sign-up
// from an invitation): one wording, one set of limits, taken from the schemas' constants.

export function UsernameField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  return (
    <Field
      name="username"
      label="Username"
      hint="Letters, digits and @ . + - _ only."
      autoComplete="username"
      required
      maxLength={USERNAME_MAX}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function NewPasswordField({ error }: { error?: string }) {
  return (
    <Field
      name="password"
      label="Password"
      hint="At least 8 characters, not only digits, not a common password."
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      error={error}
    />
  );
}

export function BioField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  return <Field multiline name="bio" label="Bio" optional maxLength={BIO_MAX} defaultValue={defaultValue} error={error} />;
}
