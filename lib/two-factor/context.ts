import type { UseCaseContext } from "../use-case/context";
import type { CodeLimiter } from "./attempts";

/**
 * What every two-factor use case gets from its adapter: the house context (the signed-in
 * account is ctx.actor; the client address counts the password budgets), plus the code
 * limiter tests may pass their own of.
 */
export type TwoFactorContext = UseCaseContext & { codeLimiter?: CodeLimiter };
