"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { FormMessage } from "./field";

// A button that runs a passkey ceremony. Passkeys need JavaScript: the page as the server
// sends it says so in place of the button, and only the browser (after hydration) swaps
// in the button, so without JavaScript the sentence stays; the other ways keep working.

export function PasskeyButton(props: { label: string; run: () => Promise<string | null>; onDone: () => void }) {
  const t = useTranslations("login.passkey");
  const [support, setSupport] = useState<"unknown" | "yes" | "no">("unknown");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => setSupport(window.PublicKeyCredential ? "yes" : "no"), []);
  const ready = support === "yes";
  return (
    <div className="passkey">
      {support === "unknown" && <p className="hint">{t("needsJavaScript")}</p>}
      {support === "no" && <p className="hint">{t("unsupported")}</p>}
      {ready && (
        <button
          type="button"
          className="button-secondary"
          disabled={busy}
          aria-busy={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            const problem = await props.run();
            if (problem === null) return props.onDone();
            if (problem) setError(problem);
            setBusy(false);
          }}
        >
          {props.label}
        </button>
      )}
      {error && <FormMessage kind="error">{error}</FormMessage>}
    </div>
  );
}
