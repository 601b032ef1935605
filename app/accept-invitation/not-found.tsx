import Link from "next/link";

// Missing, malformed and unknown tokens alike (never "which one"): answered with a 404.
export default function InvitationNotFound() {
  return (
    <section className="card">
      <h1>This invitation link is not valid</h1>
      <p>
        The link may have been copied incompletely. Open it again from the invitation email, or ask the person who invited
        you to send a new invitation.
      </p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </section>
  );
}
