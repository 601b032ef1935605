"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

// "Sign in with Google" on /login and /signup, shown only when GOOGLE_CLIENT_ID is set
// (the page decides). Google's own script draws the button and hands back an ID token;
// the site's google-login route checks it and, called from the site, sets the session
// cookie. The script is Google's to run: this needs JavaScript, and the CSP lets exactly
// Google's sign-in paths in on these pages (lib/http/security-headers.ts).

export const GOOGLE_SCRIPT = "https://accounts.google.com/gsi/client";

interface GoogleIdentity {
  accounts: {
    id: {
      initialize(options: { client_id: string; callback: (answer: { credential?: string }) => void; ux_mode: "popup" }): void;
      renderButton(parent: HTMLElement, options: Record<string, string | number>): void;
    };
  };
}

const googleIdentity = () => (window as unknown as { google?: GoogleIdentity }).google;

/**
 * Placed first on a page, with an "or" divider before the page's own form. When Google's
 * script cannot load (blocked, offline), the whole block quietly goes away: the form
 * below is the way in. Without JavaScript it is not there at all.
 */
export function GoogleSignIn({ clientId, next, divider = true }: { clientId: string; next: string; divider?: boolean }) {
  const t = useTranslations("login.google");
  const didNotWork = t("failed");
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string>();
  const [unavailable, setUnavailable] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let gone = false;
    setHydrated(true);
    async function signIn(credential: string | undefined) {
      if (!credential) return setError(didNotWork);
      setBusy(true);
      setError(undefined);
      try {
        const res = await fetch("/api/users/google-login/", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: credential }),
        });
        if (res.ok) return window.location.assign(next);
        const body = (await res.json().catch(() => ({}))) as { error?: unknown; mfa_required?: unknown };
        // An account with a second factor: the server set the pending step's cookie.
        if (res.status === 401 && body.mfa_required === true) return window.location.assign(`/login/two-factor?next=${encodeURIComponent(next)}`);
        setError(typeof body.error === "string" ? body.error : didNotWork);
      } catch {
        setError(didNotWork);
      }
      setBusy(false);
    }
    function draw() {
      const google = googleIdentity();
      if (gone || !box.current) return;
      if (!google?.accounts?.id) return setUnavailable(true);
      google.accounts.id.initialize({ client_id: clientId, callback: ({ credential }) => void signIn(credential), ux_mode: "popup" });
      google.accounts.id.renderButton(box.current, { type: "standard", theme: "outline", size: "large", text: "signin_with", width: 280 });
    }
    if (googleIdentity()?.accounts?.id) draw();
    else {
      const script = document.createElement("script");
      script.src = GOOGLE_SCRIPT;
      script.async = true;
      script.onload = draw;
      script.onerror = () => !gone && setUnavailable(true);
      document.head.appendChild(script);
    }
    return () => {
      gone = true;
    };
  }, [clientId, next, didNotWork]);

  // Rendered on the server too (data-google-button marks the pages that offer it), but
  // hidden until the browser can run Google's script.
  return (
    <div className="google-sign-in" hidden={!hydrated || unavailable}>
      <div ref={box} data-google-button />
      {busy && <p role="status">{t("signingIn")}</p>}
      {error && <p role="alert">{error}</p>}
      {divider && <p className="divider">{t("or")}</p>}
    </div>
  );
}
