import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { loginUrl } from "@/lib/auth/who/next-path";
import { isDomainError } from "@/lib/errors";
import { getInvitationByToken, isAddressedTo, type InvitationPublicView } from "@/lib/invitations/by-token";
import { actionContext } from "@/lib/use-case/action-context";
import { Day } from "../components/date-time";
import { first, type SearchParams } from "../components/search-params";
import { AcceptButton } from "./accept-button";
import { signOutAndReturnAction } from "./actions";
import { RegisterForm } from "./register-form";

// The address holds the token: the proxy sends `Referrer-Policy: no-referrer` (a token
// page), and search engines have no business here.
export const metadata: Metadata = { title: "Invitation to teach", robots: { index: false, follow: false } };


// A deleted inviter only ever left invitations that are no longer pending (CHECK in the migration).
const inviterName = (v: InvitationPublicView) => v.inviter?.displayName || v.inviter?.username || "A former member";

export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = first((await searchParams).token) ?? "";
  let invitation: InvitationPublicView;
  try {
    // Marks an overdue pending invitation expired on sight.
    invitation = await getInvitationByToken({ token }, await actionContext());
  } catch (err) {
    if (isDomainError(err)) return <NotValid />;
    throw err;
  }
  const user = await getCurrentUser();
  const name = inviterName(invitation);
  const isInvitee = user !== null && isAddressedTo(invitation, user.email);

  if (invitation.status === "accepted") {
    return (
      <section className="card">
        <h1>This invitation has already been accepted</h1>
        {isInvitee ? (
          <p>
            You accepted it
            {invitation.acceptedAt && (
              <>
                {" "}
                on <Day value={invitation.acceptedAt} />
              </>
            )}
            : you are a guide on
            Zporta Academy. <Link href="/account">Go to your account</Link>.
          </p>
        ) : (
          <p>
            An invitation can be used only once. If you accepted it, <Link href={user ? "/account" : "/login"}>{user ? "go to your account" : "sign in"}</Link> with the
            address it was sent to.
          </p>
        )}
      </section>
    );
  }
  if (invitation.status === "cancelled") {
    return (
      <section className="card">
        <h1>This invitation was cancelled</h1>
        <p>
          It can no longer be accepted. If you still want to teach on Zporta Academy, ask {name} to send you a new invitation.
        </p>
      </section>
    );
  }
  if (invitation.status === "expired") {
    return (
      <section className="card">
        <h1>This invitation has expired</h1>
        <p>
          Invitations can be accepted for 30 days; this one expired on <Day value={invitation.expiresAt} />. Ask {name} to send
          you a new invitation.
        </p>
      </section>
    );
  }

  const back = `/accept-invitation?${new URLSearchParams({ token })}`;
  return (
    <section className="card">
      <h1>{name} invited you to teach</h1>
      <p>
        {name}
        {invitation.inviter?.displayName ? ` (${invitation.inviter.username})` : ""} has invited you to become a guide, a
        teacher, on Zporta Academy.
      </p>
      {invitation.personalMessage && (
        <figure className="message">
          <figcaption>Their message:</figcaption>
          <blockquote className="message-quote">{invitation.personalMessage}</blockquote>
        </figure>
      )}
      <p>
        The invitation was sent to <strong className="wrap-anywhere">{invitation.inviteeEmail}</strong> and can be accepted
        until <Day value={invitation.expiresAt} />.
      </p>

      {user && isInvitee && (
        <>
          <p>Accepting makes you a guide: you can teach, and you keep everything in your account.</p>
          <AcceptButton token={token} />
        </>
      )}

      {user && !isInvitee && (
        <div className="notice" role="note">
          <p>
            You are signed in as <strong>{user.username}</strong> (<span className="wrap-anywhere">{user.email ?? "no email"}</span>), but
            this invitation was sent to <strong className="wrap-anywhere">{invitation.inviteeEmail}</strong>. Only an account
            with that address can accept it.
          </p>
          <form action={signOutAndReturnAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit">Sign out</button>
          </form>
          <p className="hint">Then sign in, or create your account, with {invitation.inviteeEmail}.</p>
        </div>
      )}

      {!user && (
        <>
          <RegisterForm token={token} email={invitation.inviteeEmail} />
          <h2>I already have an account</h2>
          <p>
            <Link href={loginUrl(back)}>Sign in</Link> with {invitation.inviteeEmail} and you will come back here to accept.
          </p>
        </>
      )}
    </section>
  );
}

/**
 * Missing, malformed and unknown tokens alike (never which one). Rendered by the page
 * itself with status 200: Next 16's notFound() serves an empty body in production
 * builds (vercel/next.js#98295), which a browser without JavaScript shows blank.
 */
function NotValid() {
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
