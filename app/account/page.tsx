import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/who/current-user";
import { getOwnProfile } from "@/lib/users/get-profile";
import { ActionButton } from "../components/action-button";
import { ProfileForm } from "./profile-form";
import { pageContext } from "../components/acting-context";
import { resendVerificationAction } from "./verification-actions";

export const metadata: Metadata = { title: "Your account" };

const ROLE_LABELS = { explorer: "Explorer", guide: "Guide", both: "Explorer and guide" } as const;

type Search = Record<string, string | string[] | undefined>;

export default async function AccountPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/account");
  const profile = await getOwnProfile({}, await pageContext(user));
  const search = await searchParams;
  const acceptedInvitation = search.invitation === "accepted" && profile.activeGuide;
  // Set by the /login action when the sign-in reactivated a self-deactivated account.
  const reactivated = search.reactivated === "1";
  return (
    <section className="card">
      <h1>Your account</h1>
      {reactivated && (
        <div className="success" role="status">
          Welcome back: your account has been reactivated.
        </div>
      )}
      {acceptedInvitation && (
        <div className="success" role="status">
          You accepted the invitation: you are now a guide on Zporta Academy.
        </div>
      )}
      {!profile.emailVerified && (
        <section className="notice" aria-label="Email not verified">
          <p>
            Your email address is not verified yet. Open the link we emailed you to confirm it; you need a verified address to invite teachers.
          </p>
          <ActionButton action={resendVerificationAction} fields={{}} label="Resend" ariaLabel="Resend the verification email" inline={false} />
        </section>
      )}
      <dl className="details" aria-label="Account details">
        <dt>Username</dt>
        <dd>{profile.username}</dd>
        <dt>Email</dt>
        <dd>{profile.email ?? "None: ask staff to set one (you can still sign in with your username)."}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[profile.role]}</dd>
        <dt>Display name</dt>
        <dd>{profile.displayName ?? "—"}</dd>
        <dt>Bio</dt>
        <dd>{profile.bio ?? "—"}</dd>
        <dt>Active guide</dt>
        <dd>{profile.activeGuide ? "Yes" : "No"}</dd>
        {/* Not "Email …": tests and assistive technology find the address by that term. */}
        <dt>Address verified</dt>
        <dd>{profile.emailVerified ? "Yes" : "No"}</dd>
      </dl>
      {profile.canInviteTeachers && (
        <p>
          <Link href="/invitations">Invite teachers</Link> <span className="hint">(up to 3 a month)</span>
        </p>
      )}
      <p>
        <Link href="/account/security">Security: where you are signed in</Link>
      </p>
      <ProfileForm current={{ displayName: profile.displayName ?? "", bio: profile.bio ?? "" }} />
    </section>
  );
}
