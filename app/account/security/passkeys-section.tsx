import { getTranslations } from "next-intl/server";
import { ActionButton } from "../../components/action-button";
import { DateTime } from "../../components/date-time";
import { EmptyState } from "../../components/ui";
import { getDb } from "@/lib/db/client";
import { passkeysOf } from "@/lib/two-factor/passkeys/manage";
import { AddPasskey } from "./add-passkey";
import { removePasskeyAction } from "./two-factor-actions";

// Passkeys on /account/security: each with its name, when it was added and last used,
// and Remove (a server action: works without JavaScript). Adding one needs JavaScript.
export async function PasskeysSection({ userId }: { userId: number }) {
  const passkeys = await passkeysOf(getDb(), userId);
  const t = await getTranslations("security.passkeys");
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t("title")}</h2>
      <p>{t("intro")}</p>
      {passkeys.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <div className="table-wrap stack-wrap">
        <table aria-label={t("title")} className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t("nameColumn")}</th>
              <th scope="col">{t("addedColumn")}</th>
              <th scope="col">{t("lastUsedColumn")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actionColumn")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <td data-label={t("nameColumn")}>{p.name}</td>
                <td data-label={t("addedColumn")}>
                  <DateTime value={p.createdAt} />
                </td>
                <td data-label={t("lastUsedColumn")}>{p.lastUsedAt ? <DateTime value={p.lastUsedAt} /> : t("never")}</td>
                <td>
                  <ActionButton action={removePasskeyAction} fields={{ id: p.id }} label={t("remove")} ariaLabel={t("removeNamed", { name: p.name })} className="button-danger" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      <AddPasskey />
    </section>
  );
}
