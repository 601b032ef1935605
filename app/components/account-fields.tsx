import { useTranslations } from "next-intl";
import { BIO_MAX, USERNAME_MAX } from "@/lib/users/field-limits";
import { Field } from "./field";
import { PasswordInput } from "./password-input";

// The fields every way of creating an account shares (the sign-up page and sign-up
// from an invitation): one wording, one set of limits, taken from the schemas' constants.

export function UsernameField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations("common.fields");
  return (
    <Field
      name="username"
      label={t("username")}
      hint={t("usernameHint")}
      autoComplete="username"
      required
      maxLength={USERNAME_MAX}
      defaultValue={defaultValue}
      error={error}
    />
  );
}

export function NewPasswordField({ error }: { error?: string }) {
  const t = useTranslations("common.fields");
  return <PasswordInput name="password" label={t("password")} autoComplete="new-password" required rules error={error} />;
}

export function BioField({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations("common.fields");
  return <Field multiline name="bio" label={t("bio")} optional maxLength={BIO_MAX} defaultValue={defaultValue} error={error} />;
}
