import { ActionButton } from "../../components/action-button";
import { DateTime } from "../../components/date-time";
import { getDb } from "@/lib/db/client";
import { listPasskeys } from "@/lib/two-factor/passkeys/manage";
import { AddPasskey } from "./add-passkey";
import { removePasskeyAction } from "./two-factor-actions";

// Passkeys on /account/security: each with its name, when it was added and last used,
// and Remove (a server action: works without JavaScript). Adding one needs JavaScript.
export async function PasskeysSection({ userId }: { userId: number }) {
  const passkeys = await listPasskeys(getDb(), userId);
  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>A passkey signs you in with your device’s screen lock instead of a password, and can also be your second step.</p>
      {passkeys.length === 0 ? (
        <p>No passkeys yet.</p>
      ) : (
        <table aria-label="Passkeys">
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
                <td>{p.name}</td>
                <td>
                  <DateTime value={p.createdAt} />
                </td>
                <td>{p.lastUsedAt ? <DateTime value={p.lastUsedAt} /> : "Never"}</td>
                <td>
                  <ActionButton action={removePasskeyAction} fields={{ id: p.id }} label="Remove" ariaLabel={`Remove passkey ${p.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddPasskey />
    </section>
  );
}
