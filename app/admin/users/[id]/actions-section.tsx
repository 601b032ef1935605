import { allowedActions, type ActionViewer } from "@/lib/admin/allowed-actions";
import type { UserDetail } from "@/lib/admin/user-detail";
import { StepUp } from "../../../components/step-up";
import { MemberActionsForm } from "./member-actions-form";

export function ActionsSection({ user, viewer }: { user: UserDetail["user"]; viewer: ActionViewer }) {
  const { options, notes } = allowedActions(viewer, user);
  return (
    <>
      <h2>Staff actions</h2>
      {notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      {/* "View as" and "Make staff" want a recent second factor when you have one (issue 20). */}
      <StepUp page={`/admin/users/${user.id}`} />
      {options.length === 0 ? <p>There is nothing you can do to this account.</p> : <MemberActionsForm userId={user.id} username={user.username} options={options} />}
    </>
  );
}
