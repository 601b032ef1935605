"use client";

import { useEffect, useState } from "react";
import { FormMessage } from "./field";

// A button that runs a passkey ceremony. Passkeys need JavaScript: without it the button
// is not rendered and a sentence says so; the other ways on the page keep working.

export function PasskeyButton(props: { label: string; run: () => Promise<string | null>; onDone: () => void }) {
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => setReady(typeof window !== "undefined" && !!window.PublicKeyCredential), []);
  return (
    <div className="passkey">
      <noscript>
        <p className="hint">Passkeys need JavaScript, which is off in this browser. The other ways to sign in work without it.</p>
      </noscript>
      {ready && (
        <button
          type="button"
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
