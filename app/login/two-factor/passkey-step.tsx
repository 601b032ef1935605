"use client";

import { useTranslations } from "next-intl";
import { PasskeyButton } from "../../components/passkey-button";
import { passkeySecondStep } from "../../components/passkey-client";

// The second step with a passkey instead of a code; the form's "Trust this browser"
// checkbox applies to it too.
export function PasskeyStep({ next }: { next: string }) {
  const t = useTranslations("twoFactor.signIn");
  const trusted = () => (document.querySelector('input[name="trust"]') as HTMLInputElement | null)?.checked ?? false;
  return <PasskeyButton label={t("usePasskey")} run={() => passkeySecondStep(trusted())} onDone={() => window.location.assign(next)} />;
}
