import type { RateLimitedError } from "../security/rate-limits";
import { json } from "./route";

/** 429 with Retry-After, in the route's error shape. */
export function rateLimitedResponse(err: RateLimitedError, errorKey: "error" | "detail" = "error"): Response {
  return json(429, { [errorKey]: err.message }, { "Retry-After": String(err.retryAfterSeconds) });
}
