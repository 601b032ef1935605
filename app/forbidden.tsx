import Link from "next/link";

// Rendered with status 403 when a page calls forbidden() (a signed-in user who is not
// allowed there, e.g. a non-staff member on /admin).
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
