import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { allowedOn, isSuperuser } from "@/lib/actor";
import { getUserDetail } from "@/lib/admin/user-detail";
import { deviceLabel } from "@/lib/auth/device-label";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../../components/date-time";
import { DeviceCells } from "../../../components/device-cells";
import { Table } from "../../../components/table";
import styles from "../../admin.module.css";
import { AuditCells } from "../../audit-cells";
import { ActionButton } from "../../../components/action-button";
import {
  markEmailVerifiedAction,
  resetTwoFactorAction,
  sendPasswordResetAction,
  setActiveAction,
  setInviteAction,
  setStaffAction,
  signOutEverywhereAction,
  startViewAsAction,
} from "../actions";
import { StepUp } from "../../../components/step-up";
import { twoFactorStatus, type TwoFactorStatus } from "@/lib/two-factor/status";

export const metadata: Metadata = { title: "Member" };

const yesNo = (v: boolean | null | undefined) => (v ? "Yes" : "No");

function twoFactorLabel(s: TwoFactorStatus): string {
  const parts = [s.totp ? `authenticator app (${s.recovery_codes_left} recovery codes left)` : null, s.passkeys ? `${s.passkeys} passkey${s.passkeys === 1 ? "" : "s"}` : null].filter(Boolean);
  const required = s.required ? " (required)" : "";
  return parts.length ? `${parts.join(", ")}${required}` : `Off${required}`;
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const detail = await getUserDetail(id, staff, getDb()).catch((err) => {
    // A hand-typed /admin/users/abc or an id nobody has: the 404 page, not a 500.
    if (isDomainError(err) && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  });
  const { user, devices, applications, invitationsSent, invitationsReceived, audit } = detail;
  const p = user.profile;
  const self = user.id === staff.id;
  const fields = { userId: user.id };
  // Another staff account or a superuser: only a superuser may act on it (lib/actor.ts, which the actions check again).
  const { mayAct, mayMarkVerified } = allowedOn(user, { id: staff.id, isSuperuser: await isSuperuser(getDb(), staff.id) });
  const twoFactor = await twoFactorStatus(getDb(), user.id);

  return (
    <section className="card">
      <p>
        <Link href="/admin/users">← Members</Link>
      </p>
      <h1>{user.username}</h1>

      <h2>Account</h2>
      <dl className="details">
        <dt>Id</dt>
        <dd>{user.id}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Email verified</dt>
        <dd>{user.emailVerifiedAt ? <DateTime value={user.emailVerifiedAt} /> : "Not verified"}</dd>
        <dt>Active</dt>
        <dd>{user.isActive ? "Yes" : user.selfDeactivated ? "No (closed by the member: signing in reopens it)" : "No"}</dd>
        <dt>Staff</dt>
        <dd>{user.isSuperuser ? "Yes, superuser" : yesNo(user.isStaff)}</dd>
        <dt>Joined</dt>
        <dd>
          <DateTime value={user.dateJoined} />
        </dd>
        <dt>Last sign-in</dt>
        <dd>
          <DateTime value={user.lastLogin} />
        </dd>
        <dt>Two-factor</dt>
        <dd>{twoFactorLabel(twoFactor)}</dd>
      </dl>

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

      <h2>Staff actions</h2>
      <p className="hint">Each action asks why; the reason goes into the audit log with your name.</p>
      <StepUp page={`/admin/users/${user.id}`} />
      <div className={styles.actions}>
        {!mayAct && <p className="hint">Only a superuser can deactivate this staff account, sign it out everywhere or send it a reset link.</p>}
        {!self && mayAct && (
          <ActionButton askReason
            action={setActiveAction}
            fields={{ ...fields, active: String(!user.isActive) }}
            label={user.isActive ? "Deactivate" : "Reactivate"}
            ariaLabel={`${user.isActive ? "Deactivate" : "Reactivate"} ${user.username}`}
          />
        )}
        {p && (
          <ActionButton askReason
            action={setInviteAction}
            fields={{ ...fields, canInviteTeachers: String(!p.canInviteTeachers) }}
            label={p.canInviteTeachers ? "Stop inviting" : "Allow inviting"}
            ariaLabel={p.canInviteTeachers ? `Stop ${user.username} inviting` : `Let ${user.username} invite`}
          />
        )}
        {mayAct && <ActionButton askReason action={signOutEverywhereAction} fields={fields} label="Sign out everywhere" ariaLabel={`Sign out ${user.username} everywhere`} />}
        {!self && (
          <ActionButton askReason action={resetTwoFactorAction} fields={fields} label="Reset two-factor authentication" ariaLabel={`Reset ${user.username}'s two-factor authentication`} />
        )}
        {!user.emailVerifiedAt && mayMarkVerified && <ActionButton askReason action={markEmailVerifiedAction} fields={fields} label="Mark email verified" />}
        {user.email && mayAct && <ActionButton askReason action={sendPasswordResetAction} fields={fields} label="Send a password reset link" />}
        {!user.isStaff && user.isActive && (
          <ActionButton askReason action={startViewAsAction} fields={fields} label="View as" ariaLabel={`View the site as ${user.username} (one hour at most)`} />
        )}
        {!(self && user.isStaff) && (
          <ActionButton askReason
            action={setStaffAction}
            fields={{ ...fields, isStaff: String(!user.isStaff) }}
            label={user.isStaff ? "Remove staff" : "Make staff"}
            ariaLabel={`${user.isStaff ? "Remove staff access from" : "Give staff access to"} ${user.username} (superusers only)`}
          />
        )}
      </div>

      <h2>Sessions and devices</h2>
      {devices.length === 0 ? (
        <p>Not signed in anywhere.</p>
      ) : (
        <Table columns={["Device", "Kind", "Address", "Signed in", "Last seen"]}>
          {devices.map((d) => (
            <tr key={d.id}>
              <th scope="row">{deviceLabel(d.userAgent)}</th>
              <DeviceCells device={d} />
            </tr>
          ))}
        </Table>
      )}

      <h2>Guide applications</h2>
      {applications.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["Application", "Status", "Subjects", "Reviewed"]}>
          {applications.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <Link href={`/admin/guide-applications/${a.id}`}>
                  #{a.id}, <DateTime value={a.createdAt} />
                </Link>
              </th>
              <td>{a.status}</td>
              <td className="wrap-anywhere">{a.subjectsToTeach}</td>
              <td>{a.reviewedAt ? <>{a.reviewedBy?.username ?? "—"}, <DateTime value={a.reviewedAt} /></> : "—"}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2>Invitations sent</h2>
      {invitationsSent.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["To", "Status", "Sent", "Accepted by"]}>
          {invitationsSent.map((i) => (
            <tr key={i.id}>
              <th scope="row" className="wrap-anywhere">
                {i.inviteeEmail}
              </th>
              <td>{i.status}</td>
              <td>
                <DateTime value={i.createdAt} />
              </td>
              <td>{i.invitee ? <Link href={`/admin/users/${i.invitee.id}`}>{i.invitee.username}</Link> : "—"}</td>
            </tr>
          ))}
        </Table>
      )}

      <h2>Invitations received</h2>
      {invitationsReceived.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table columns={["From", "Status", "Sent", "Accepted"]}>
          {invitationsReceived.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.inviter ? (
                  <Link href={`/admin/users/${i.inviter.id}`}>{i.inviter.username}</Link>
                ) : (
                  <span className="hint">deleted account</span>
                )}
              </th>
              <td>{i.status}</td>
              <td>
                <DateTime value={i.createdAt} />
              </td>
              <td>
                <DateTime value={i.acceptedAt} />
              </td>
            </tr>
          ))}
        </Table>
      )}

      <h2>History</h2>
      <p className="hint">
        The latest {audit.length} audit entries by or about {user.username}.{" "}
        <Link href={`/admin/audit?${new URLSearchParams({ targetType: "User", targetId: String(user.id) })}`}>All entries about them</Link>
      </p>
      {audit.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <Table columns={["When", "Who", "What", "Target", "Reason / notes"]}>
          {audit.map((e) => (
            <tr key={e.id}>
              <AuditCells event={e} />
              <td className="wrap-anywhere">{e.notes ?? ""}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
