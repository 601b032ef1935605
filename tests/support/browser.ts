import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

// A real browser for the few Vitest files that need one while they control the server
// (e.g. with the database stopped), launched like Playwright's own tests.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
