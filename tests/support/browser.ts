import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

// A real browser for the few Vitest files that need one while they control the server
// (e.g. with the database stopped). Same choice as playwright.config.ts: Debian's
// Chromium when present, otherwise Playwright's own.
export function launchBrowser(): Promise<Browser> {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  return chromium.launch(
    system
      ? {
          executablePath: system,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  );
}
