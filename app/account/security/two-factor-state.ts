// The states of the authenticator section on /account/security. The secret and the QR
// code travel only in the action's answer (they are shown during set-up); recovery codes
// only once, right after they are made.
export type TwoFactorState =
  | { stage: "idle"; message?: string; error?: string }
  | { stage: "scan"; secret: string; qrSvg: string; error?: string }
  | { stage: "codes"; codes: string[]; message: string };

export const TWO_FACTOR_IDLE: TwoFactorState = { stage: "idle" };
