import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { INVALID_UNDO_LINK } from "@/lib/email-change/messages";
import { pendingUndo } from "@/lib/email-change/undo-link";
import { translateDomainSentence } from "@/lib/i18n/domain-message";
import { requestLocale } from "@/lib/i18n/request-locale";
import { maskEmail } from "@/lib/log/logger";
import { ActionButton } from "../../../../components/action-button";
import { linkParams } from "../../../../components/link-params";
import { undoEmailChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailChange"))("undoTitle") };
}
export const dynamic = "force-dynamic";

// The link in the notice to the address a change took away. Opening it (GET) never spends
// it (mail scanners follow links): the button does, after the page says what it will do.
export default async function UndoEmailChangePage({ params }: { params: Promise<{ uid: string; token: string }> }) {
  const { uid, token } = await linkParams(params);
  const t = await getTranslations("emailChange");
  const undo = await pendingUndo(getDb(), { uid, token });
  if (!undo) {
    return (
      <section className="card">
        <h1>{t("invalidTitle")}</h1>
        <p role="alert">{translateDomainSentence(INVALID_UNDO_LINK, await requestLocale())}</p>
        <p>{t("undoInvalidHelp")}</p>
        <p>
          <Link href="/forgot-password">{(await getTranslations("login"))("forgotPassword")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card">
      <h1>{t("undoTitle")}</h1>
      {/* The address it moved to stays masked, as in the notice: the old mailbox may not be the owner's any more. */}
      <p>{t("undoBody", { username: undo.username, from: undo.fromEmail, current: undo.currentEmail ? maskEmail(undo.currentEmail) : "—" })}</p>
      <ul>
        <li>{t("undoRestores", { from: undo.fromEmail })}</li>
        <li>{t("undoSignsOut")}</li>
        <li>{t("undoPassword", { from: undo.fromEmail })}</li>
        <li>{t("undoPasskeys")}</li>
      </ul>
      <p className="hint">{t("undoKeeps")}</p>
      <ActionButton action={undoEmailChangeAction} fields={{ uid, token }} label={t("undoButton")} inline={false} />
    </section>
  );
}
