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
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>A passkey signs you in with your device’s screen lock instead of a password, and can also be your second step.</p>
      {passkeys.length === 0 ? (
        <EmptyState>No passkeys yet.</EmptyState>
      ) : (
        <div className="table-wrap stack-wrap">
        <table aria-label="Passkeys" className="stack-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Added</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((p) => (
              <tr key={p.id}>
                <td data-label="Name">{p.name}</td>
                <td data-label="Added">
                  <DateTime value={p.createdAt} />
                </td>
                <td data-label="Last used">{p.lastUsedAt ? <DateTime value={p.lastUsedAt} /> : "Never"}</td>
                <td>
                  <ActionButton action={removePasskeyAction} fields={{ id: p.id }} label="Remove" ariaLabel={`Remove passkey ${p.name}`} className="button-danger" />
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
