import { test as base, type BrowserContext, type Page } from "@playwright/test";

// Every spec imports `test` (and the rest of Playwright) from here. page.goto() and
// page.reload() return only once the page is ready for a person: hydrated by React
// (<html data-hydrated>, app/components/hydration-mark.tsx), or, without JavaScript, the
// layout's <noscript> mark (parsed as an element only when scripts are off). On a busy
// machine a click made right after the load event could otherwise land before hydration
// and take the no-JavaScript path. Pages of contexts made with browser.newContext() too.

export * from "@playwright/test";

const READY = "html[data-hydrated], span[data-no-script]";

function waitForReady(page: Page) {
  for (const method of ["goto", "reload"] as const) {
    const original = page[method].bind(page) as (...args: unknown[]) => ReturnType<Page["goto"]>;
    (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const response = await original(...args);
      // Only the app's own pages carry the marks: not a JSON response opened by goto, nor
      // the plain 403 page proxy.ts answers for the staff area.
      if (response?.ok() && response.headers()["content-type"]?.startsWith("text/html")) await page.waitForSelector(READY, { state: "attached" });
      return response;
    };
  }
}

function readyAware(context: BrowserContext) {
  context.on("page", waitForReady);
}

// Playwright makes each test's own context with browser.newContext() too, so this one
// override covers the `page` fixture and the contexts specs make themselves.
export const test = base.extend({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        readyAware(context);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
});
