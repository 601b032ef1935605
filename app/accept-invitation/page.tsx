import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("acceptInvitation");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// A deleted inviter only ever left invitations that are no longer pending (CHECK in the migration).
const inviterName = (v: InvitationPublicView, formerMember: string) => v.inviter?.displayName || v.inviter?.username || formerMember;

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
  const t = await getTranslations("acceptInvitation");
  const name = inviterName(invitation, t("formerMember"));
  const isInvitee = user !== null && isAddressedTo(invitation, user.email);

  if (invitation.status === "accepted") {
    return (
      <section className="card">
        <h1>{t("alreadyAccepted")}</h1>
        {isInvitee ? (
          <p>
            {invitation.acceptedAt
              ? t.rich("youAcceptedOn", { day: () => <Day value={invitation.acceptedAt!} />, account: (c) => <Link href="/account">{c}</Link> })
              : t.rich("youAccepted", { account: (c) => <Link href="/account">{c}</Link> })}
          </p>
        ) : (
          <p>
            {user
              ? t.rich("usedOnceSignedIn", { link: (c) => <Link href="/account">{c}</Link> })
              : t.rich("usedOnceSignedOut", { link: (c) => <Link href="/login">{c}</Link> })}
          </p>
        )}
      </section>
    );
  }
  if (invitation.status === "cancelled") {
    return (
      <section className="card">
        <h1>{t("cancelled")}</h1>
        <p>{t("cancelledBody", { name })}</p>
      </section>
    );
  }
  if (invitation.status === "expired") {
    return (
      <section className="card">
        <h1>{t("expired")}</h1>
        <p>{t.rich("expiredBody", { days: 30, name, day: () => <Day value={invitation.expiresAt} /> })}</p>
      </section>
    );
  }

  const back = `/accept-invitation?${new URLSearchParams({ token })}`;
  return (
    <section className="card">
      <h1>{t("heading", { name })}</h1>
      <p>
        {invitation.inviter?.displayName
          ? t("invitedYouNamed", { name, username: invitation.inviter.username })
          : t("invitedYou", { name })}
      </p>
      {invitation.personalMessage && (
        <figure className="message">
          <figcaption>{t("theirMessage")}</figcaption>
          <blockquote className="message-quote">{invitation.personalMessage}</blockquote>
        </figure>
      )}
      <p>
        {t.rich("sentTo", {
          email: invitation.inviteeEmail,
          strong: (c) => <strong className="wrap-anywhere">{c}</strong>,
          day: () => <Day value={invitation.expiresAt} />,
        })}
      </p>

      {user && isInvitee && (
        <>
          <p>{t("acceptingMakesGuide")}</p>
          <AcceptButton token={token} />
        </>
      )}

      {user && !isInvitee && (
        <div className="notice" role="note">
          <p>
            {t.rich("otherAccount", {
              username: user.username,
              email: user.email ?? t("noEmail"),
              invitee: invitation.inviteeEmail,
              strong: (c) => <strong>{c}</strong>,
              address: (c) => <span className="wrap-anywhere">{c}</span>,
              inviteeStrong: (c) => <strong className="wrap-anywhere">{c}</strong>,
            })}
          </p>
          <form action={signOutAndReturnAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit">{t("signOut")}</button>
          </form>
          <p className="hint">{t("thenSignIn", { email: invitation.inviteeEmail })}</p>
        </div>
      )}

      {!user && (
        <>
          <RegisterForm token={token} email={invitation.inviteeEmail} />
          <h2>{t("haveAccount")}</h2>
          <p>{t.rich("signInToAccept", { email: invitation.inviteeEmail, link: (c) => <Link href={loginUrl(back)}>{c}</Link> })}</p>
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
async function NotValid() {
  const t = await getTranslations("acceptInvitation");
  return (
    <section className="card">
      <h1>{t("notValid")}</h1>
      <p>{t("notValidBody")}</p>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </section>
  );
}
