import { getLocale, getTranslations } from "next-intl/server";
import { allowedActions, type ActionViewer, type MemberActionKind } from "@/lib/admin/allowed-actions";
import type { UserDetail } from "@/lib/admin/user-detail";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import { StepUp } from "../../../components/step-up";
import { MemberActionsForm } from "./member-actions-form";

export async function ActionsSection({ user, viewer }: { user: UserDetail["user"]; viewer: ActionViewer }) {
  const [t, locale] = await Promise.all([getTranslations("adminUsers"), getLocale()]);
  const { options, notes } = allowedActions(viewer, user);
  // lib/admin says what each action is in English (the API's words); the page says it in the reader's language.
  const words: Record<MemberActionKind, { label: string; hint: string }> = {
    "deactivate": { label: t("option_deactivate.label"), hint: t("option_deactivate.hint") },
    "reactivate": { label: t("option_reactivate.label"), hint: t("option_reactivate.hint") },
    "allow-inviting": { label: t("option_allowInviting.label"), hint: t("option_allowInviting.hint") },
    "stop-inviting": { label: t("option_stopInviting.label"), hint: t("option_stopInviting.hint") },
    "sign-out-everywhere": { label: t("option_signOutEverywhere.label"), hint: t("option_signOutEverywhere.hint") },
    "reset-two-factor": { label: t("option_resetTwoFactor.label"), hint: t("option_resetTwoFactor.hint") },
    "mark-email-verified": { label: t("option_markEmailVerified.label"), hint: t("option_markEmailVerified.hint") },
    "send-reset-link": { label: t("option_sendResetLink.label"), hint: t("option_sendResetLink.hint") },
    "view-as": { label: t("option_viewAs.label"), hint: t("option_viewAs.hint") },
    "make-staff": { label: t("option_makeStaff.label"), hint: t("option_makeStaff.hint") },
    "remove-staff": { label: t("option_removeStaff.label"), hint: t("option_removeStaff.hint") },
  };
  return (
    <>
      <h2>{t("staffActions")}</h2>
      {notes.map((note) => (
        <p key={note} className="hint">
          {translateDomainSentence(note, locale)}
        </p>
      ))}
      {/* "View as" and "Make staff" want a recent second factor when you have one (issue 20). */}
      <StepUp page={`/admin/users/${user.id}`} />
      {options.length === 0 ? (
        <p>{t("nothingToDo")}</p>
      ) : (
        <MemberActionsForm userId={user.id} username={user.username} options={options.map((o) => ({ ...o, ...words[o.kind] }))} />
      )}
    </>
  );
}
