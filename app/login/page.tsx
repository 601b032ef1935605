import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { INVALID_CREDENTIALS } from "@/lib/auth/sign-in/login-schema";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { googleClientIds } from "@/lib/google-login/config";
import { GoogleSignIn } from "../components/google-sign-in";
import { MFA_REQUIRED } from "@/lib/two-factor/messages";
import { first, type SearchParams } from "../components/search-params";
import { LoginForm } from "./login-form";
import { PasskeySignIn } from "./passkey-sign-in";
import { PAGE_INVALID_CREDENTIALS } from "./state";

export const metadata: Metadata = { title: "Sign in" };


// next-auth's own endpoints send failures here as ?error=<message>; only our own
// sentences are shown, never text from the address bar.
function knownError(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === INVALID_CREDENTIALS || error === "CredentialsSignin") return PAGE_INVALID_CREDENTIALS;
  if (/^Too many attempts\. Try again in \d{1,6} seconds?\.$/.test(error)) return error;
  // next-auth's endpoint has no second step (lib/auth/nextauth/options.ts): this form has.
  if (error === MFA_REQUIRED) return "This account uses two-factor authentication: sign in with this form.";
  return "Signing in did not work. Please try again.";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (await getCurrentUser()) redirect(next);
  const created = first(params.created) === "1";
  const reset = first(params.reset) === "1";
  const error = knownError(first(params.error));
  const [googleClientId] = googleClientIds();
  return (
    <section className="card">
      <h1>Sign in</h1>
      {googleClientId && <GoogleSignIn clientId={googleClientId} next={next} />}
      <LoginForm
        next={next}
        username={first(params.username)?.slice(0, 300)}
        error={error}
        notice={
          created
            ? "Your account has been created. Sign in to continue."
            : reset
              ? "Your password has been reset. Sign in with your new password."
              : undefined
        }
      />
      <PasskeySignIn next={next} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        <Link href="/magic-link">Email me a sign-in link</Link>
      </p>
      <p>
        New here? <Link href="/signup">Create your account</Link>
      </p>
    </section>
  );
}
