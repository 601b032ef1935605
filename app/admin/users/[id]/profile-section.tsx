import type { UserDetail } from "@/lib/admin/user-detail";

const yesNo = (v: boolean | null | undefined) => (v ? "Yes" : "No");

export function ProfileSection({ profile: p }: { profile: UserDetail["user"]["profile"] }) {
  return (
    <>
      <h2>Profile</h2>
      {p ? (
        <dl className="details">
          <dt>Display name</dt>
          <dd>{p.displayName ?? "—"}</dd>
          <dt>Name</dt>
          <dd>{[p.firstName, p.lastName].filter(Boolean).join(" ") || "—"}</dd>
          <dt>Role</dt>
          <dd>{p.role}</dd>
          <dt>Active guide</dt>
          <dd>{yesNo(p.activeGuide)}</dd>
          <dt>May invite teachers</dt>
          <dd>{yesNo(p.canInviteTeachers)}</dd>
          <dt>Bio</dt>
          <dd>{p.bio || "—"}</dd>
        </dl>
      ) : (
        <p>No profile.</p>
      )}
    </>
  );
}
