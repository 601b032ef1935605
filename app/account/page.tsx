import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/who/current-user";
import { getOwnProfile } from "@/lib/users/get-profile";
import { ActionButton } from "../components/action-button";
import { ProfileForm } from "./profile-form";
import { pageContext } from "../components/acting-context";
import { resendVerificationAction } from "./verification-actions";
import { ArrivalFocus } from "../components/arrival-focus";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

const ROLE_LABELS = { explorer: "roleExplorer", guide: "roleGuide", both: "roleBoth" } as const;

type Search = Record<string, string | string[] | undefined>;

export default async function AccountPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/account");
  const profile = await getOwnProfile({}, await pageContext(user));
  const search = await searchParams;
  const acceptedInvitation = search.invitation === "accepted" && profile.activeGuide;
  // Set by the /login action when the sign-in reactivated a self-deactivated account.
  const reactivated = search.reactivated === "1";
  const t = await getTranslations("account");
  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {reactivated && (
        <ArrivalFocus className="success">{t("reactivated")}</ArrivalFocus>
      )}
      {acceptedInvitation && (
        <ArrivalFocus className="success">{t("acceptedInvitation")}</ArrivalFocus>
      )}
      {!profile.emailVerified && (
        <section className="notice" aria-label={t("notVerifiedLabel")}>
          <p>{t("notVerified")}</p>
          <ActionButton action={resendVerificationAction} fields={{}} label={t("resend")} ariaLabel={t("resendLabel")} inline={false} />
        </section>
      )}
      <dl className="details" aria-label={t("detailsLabel")}>
        <dt>{t("username")}</dt>
        <dd>{profile.username}</dd>
        <dt>{t("email")}</dt>
        <dd>{profile.email ?? t("noEmail")}</dd>
        <dt>{t("role")}</dt>
        <dd>{t(ROLE_LABELS[profile.role])}</dd>
        <dt>{t("displayName")}</dt>
        <dd>{profile.displayName ?? "—"}</dd>
        <dt>{t("bio")}</dt>
        <dd>{profile.bio ?? "—"}</dd>
        <dt>{t("activeGuide")}</dt>
        <dd>{profile.activeGuide ? t("yes") : t("no")}</dd>
        {/* Not "Email …": tests and assistive technology find the address by that term. */}
        <dt>{t("addressVerified")}</dt>
        <dd>{profile.emailVerified ? t("yes") : t("no")}</dd>
      </dl>
      {profile.canInviteTeachers && (
        <p>
          <Link href="/invitations">{t("inviteTeachers")}</Link> <span className="hint">{t("inviteLimit", { count: 3 })}</span>
        </p>
      )}
      <p>
        <Link href="/account/security">{t("securityLink")}</Link>
      </p>
      <ProfileForm current={{ displayName: profile.displayName ?? "", bio: profile.bio ?? "" }} />
    </section>
  );
}
