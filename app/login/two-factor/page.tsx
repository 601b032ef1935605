import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { pendingStepMethods } from "@/lib/two-factor/browser-step";
import { first, type SearchParams } from "../../components/search-params";
import { CodeForm } from "./code-form";
import { PasskeyStep } from "./passkey-step";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNextPath(first((await searchParams).next));
  if (await getCurrentUser()) redirect(next);
  const methods = await pendingStepMethods();
  if (!methods) {
    return (
      <section className="card">
        <h1>Two-factor authentication</h1>
        <p>This sign-in has expired or was already used.</p>
        <p>
          <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in again</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      {methods.includes("totp") && <CodeForm next={next} />}
      {methods.includes("passkey") && (
        <>
          {!methods.includes("totp") && <h1>Two-factor authentication</h1>}
          <p>{methods.includes("totp") ? "Or use one of your passkeys:" : "Use one of your passkeys:"}</p>
          <PasskeyStep next={next} />
        </>
      )}
      <p>
        Lost your device and your recovery codes? <Link href="/forgot-password">Reset your password</Link> does not turn
        two-factor authentication off; contact us and staff can reset it after checking who you are.
      </p>
    </section>
  );
}
