"use client";

import { browserSupportsWebAuthnAutofill } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { PasskeyButton } from "../components/passkey-button";
import { passkeySignIn } from "../components/passkey-client";

// "Sign in with a passkey" (no username or password), and the same offer in the username
// field's autofill (conditional mediation) where the browser supports it.
export function PasskeySignIn({ next }: { next: string }) {
  const t = useTranslations("login.passkey");
  useEffect(() => {
    let gone = false;
    void (async () => {
      if (!(await browserSupportsWebAuthnAutofill())) return;
      const problem = await passkeySignIn({ autofill: true });
      if (problem === null && !gone) window.location.assign(next);
    })();
    return () => {
      gone = true;
    };
  }, [next]);
  return <PasskeyButton label={t("signIn")} run={() => passkeySignIn()} onDone={() => window.location.assign(next)} />;
}
