import { test } from "@playwright/test";

/**
 * A multi-page flow gets time in proportion to its steps (page loads, form posts, sign-
 * ins, mailbox reads): up to 10 s each on a loaded 2-core machine, where the server under
 * test shares the cores with the browser. Never less than the configured 90 s.
 * Call first thing in the test.
 */
export function allowSteps(steps: number): void {
  test.setTimeout(Math.max(90_000, steps * 10_000));
}
