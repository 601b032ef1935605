import Link from "next/link";

// Rendered with status 403 when a page calls forbidden() during client navigation.
// Full page loads of the staff area by non-staff get lib/auth/who/forbidden-page.ts (same
// wording) from proxy.ts instead: Next 16.4 renders this boundary blank without JavaScript.
export default function Forbidden() {
  return (
    <section className="card">
      <h1>403 · Not allowed</h1>
      <p>This area is for staff only. You are signed in, but your account does not have access to it.</p>
      <p>
        <Link href="/account">Go to your account</Link>
      </p>
    </section>
  );
}
