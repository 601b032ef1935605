import { test as base, type BrowserContext, type Page } from "@playwright/test";

// Every spec imports `test` (and the rest of Playwright) from here. With JavaScript on,
// page.goto() and page.reload() return only once React has hydrated the page (the
// <html data-hydrated> mark of app/components/hydration-mark.tsx): on a busy machine a
// click made right after the load event can otherwise land before hydration and take
// the no-JavaScript path. Pages of contexts made with browser.newContext() get it too.

export * from "@playwright/test";

const HYDRATED = "html[data-hydrated]";

function waitForHydration(page: Page) {
  for (const method of ["goto", "reload"] as const) {
    const original = page[method].bind(page) as (...args: unknown[]) => ReturnType<Page["goto"]>;
    (page as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const response = await original(...args);
      await page.waitForSelector(HYDRATED, { state: "attached" });
      return response;
    };
  }
}

function hydrationAware(context: BrowserContext, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  for (const page of context.pages()) waitForHydration(page);
  context.on("page", waitForHydration);
}

export const test = base.extend({
  context: async ({ context, javaScriptEnabled }, use) => {
    hydrationAware(context, javaScriptEnabled);
    await use(context);
  },
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        hydrationAware(context, options?.javaScriptEnabled !== false);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
});
