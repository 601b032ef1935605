import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "../../components/action-button";
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
import { StepUp } from "../../components/step-up";
import { twoFactorStatus } from "@/lib/two-factor/status";
import { TwoFactorSection } from "./two-factor-section";
import { PasskeysSection } from "./passkeys-section";

export const metadata: Metadata = { title: "Security" };

export default async function SecurityPage() {
  await requireUser("/account/security");
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
      <table aria-label="Signed-in devices">
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
              <td>
                {deviceLabel(d.userAgent)}
                {d.current && <strong> (this device)</strong>}
              </td>
              <DeviceCells device={d} />
              <td>
                {d.current ? (
                  <span className="hint">Use “Sign out” at the top</span>
                ) : (
                  <ActionButton action={endDeviceAction} fields={{ id: d.id }} label="Sign out" ariaLabel={`Sign out ${deviceLabel(d.userAgent)}`} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {others > 0 && <ActionButton action={endOtherDevicesAction} fields={{}} label="Sign out everywhere else" inline={false} />}
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
              {!session.user.viewedBy && <GoogleSignIn clientId={googleClientId!} next="/account/security" />}
            </>
          )}
        </>
      )}
      <StepUp page="/account/security" />
      <PasswordForm />
      <TwoFactorSectionFor userId={session.user.id} />
      <PasskeysSection userId={session.user.id} />
      <DeactivateForm />
      <DeleteForm />
    </section>
  );
}

async function TwoFactorSectionFor({ userId }: { userId: number }) {
  const status = await twoFactorStatus(getDb(), userId);
  return <TwoFactorSection totp={status.totp} recoveryCodesLeft={status.recovery_codes_left} required={status.required} hasPasskey={status.passkeys > 0} />;
}
