import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { EMAIL_VERIFIED, EMAIL_VERIFIED_EVICTED } from "@/lib/ui-messages";
import { first, type SearchParams } from "../../components/search-params";

export const metadata: Metadata = { title: "Email address verified" };

// Where "Confirm my email address" ends. The parameter only picks the sentence; the
// page itself proves nothing (the account page shows the real verified state).
export default async function VerifiedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const evicted = first((await searchParams).evicted) === "1";
  const user = await getCurrentUser();
  return (
    <section className="card">
      <h1>Email address verified</h1>
      <p role="status" className="success">
        {evicted ? EMAIL_VERIFIED_EVICTED : EMAIL_VERIFIED}
      </p>
      <p>{user ? <Link href="/account">Go to your account</Link> : <Link href="/login">Sign in</Link>}</p>
    </section>
  );
}
