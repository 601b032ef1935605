import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "../../components/action-button";
import { ConfirmStep, DangerZone } from "../../components/confirm-step";
import { FormMessage } from "../../components/field";
import { first, type SearchParams } from "../../components/search-params";
import { SIGNED_OUT_OTHERS } from "@/lib/ui-messages";
import { Day } from "../../components/date-time";
import { DeviceCells } from "../../components/device-cells";
import { GoogleSignIn } from "../../components/google-sign-in";
import { getCurrentSession, requireUser } from "@/lib/auth/who/current-user";
import { deviceLabel } from "@/lib/auth/credentials/device-label";
import { listDevices } from "@/lib/auth/credentials/devices";
import { getDb } from "@/lib/db/client";
import { googleClientIds } from "@/lib/google-login/config";
import { googleLinkOf } from "@/lib/google-login/unlink";
import { endDeviceAction, endOtherDevicesAction, unlinkGoogleAction } from "./actions";
import { DeactivateForm } from "./deactivate-form";
import { DeleteForm } from "./delete-form";
import { PasswordForm } from "./password-form";
import { EmailForm } from "./email-form";
import { StepUp } from "../../components/step-up";
import { twoFactorStatusOf } from "@/lib/two-factor/status";
import { TwoFactorSection } from "./two-factor-section";
import { PasskeysSection } from "./passkeys-section";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser("/account/security");
  // Only a count for the sentence, after "Sign out everywhere else".
  const signedOutOthers = first((await searchParams)["signed-out-others"]);
  const session = (await getCurrentSession())!;
  const devices = await listDevices(getDb(), session.user.id, { kind: "browser", id: session.sessionId });
  const others = devices.filter((d) => !d.current).length;
  const googleLink = await googleLinkOf(getDb(), session.user.id);
  const googleClientId = googleClientIds()[0];
  return (
    <section className="card">
      <h1>Security</h1>
      <p>
        <Link href="/account">Back to your account</Link>
      </p>
      <h2>Where you are signed in</h2>
      {signedOutOthers && /^\d{1,6}$/.test(signedOutOthers) && <FormMessage kind="success">{SIGNED_OUT_OTHERS(Number(signedOutOthers))}</FormMessage>}
      <div className="table-wrap stack-wrap">
        <table aria-label="Signed-in devices" className="stack-table">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Kind</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-device={d.id}>
                <td data-label="Device">
                  {deviceLabel(d.userAgent)}
                  {d.current && <strong> (this device)</strong>}
                </td>
                <DeviceCells device={d} />
                <td>
                  {d.current ? (
                    <span className="hint">This device: use “Sign out” at the top</span>
                  ) : (
                    <ActionButton
                      action={endDeviceAction}
                      fields={{ id: d.id }}
                      label="Sign out"
                      ariaLabel={`Sign out ${deviceLabel(d.userAgent)}`}
                      className="button-secondary"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others > 0 && (
        <ConfirmStep opener="Sign out everywhere else…">
          <p>
            Every other device and app signed in to this account ({others}) is signed out now. This device stays signed in.
          </p>
          <ActionButton action={endOtherDevicesAction} fields={{}} label="Yes, sign out everywhere else" inline={false} className="button-danger" />
        </ConfirmStep>
      )}
      {(googleLink || googleClientId) && (
        <>
          <h2>Google sign-in</h2>
          {googleLink ? (
            <>
              <p>
                Linked on <Day value={googleLink.createdAt} />
                {googleLink.email ? <> (Google said the address was {googleLink.email})</> : null}.
              </p>
              <ActionButton action={unlinkGoogleAction} fields={{}} label="Unlink Google" inline={false} />
            </>
          ) : (
            <>
              <p>Not linked. Sign in with Google here to link it: afterwards that Google account signs you in to this one.</p>
              {!session.user.viewedBy && <GoogleSignIn clientId={googleClientId!} next="/account/security" divider={false} />}
            </>
          )}
        </>
      )}
      <StepUp page="/account/security" />
      {session.user.email && <EmailForm current={session.user.email} />}
      <PasswordForm />
      <TwoFactorSectionFor userId={session.user.id} />
      <PasskeysSection userId={session.user.id} />
      <DangerZone>
        <DeactivateForm />
        <DeleteForm username={session.user.username} />
      </DangerZone>
    </section>
  );
}

async function TwoFactorSectionFor({ userId }: { userId: number }) {
  const status = await twoFactorStatusOf(getDb(), userId);
  return <TwoFactorSection totp={status.totp} recoveryCodesLeft={status.recovery_codes_left} required={status.required} hasPasskey={status.passkeys > 0} />;
}
