import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "./test";

// axe-core on one page state, 0 violations of any impact; the state names where to look.
// After a client-side navigation (JavaScript on) Next.js streams the new page's <title>
// after its body, so the check waits for a title before it judges the page.
export async function axe(page: Page, state: string) {
  await expect(page, `a title on ${state}`).toHaveTitle(/\S/);
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  expect(passes.length, `axe ran on ${state}`).toBeGreaterThan(0);
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `axe on ${state} (${page.url()})`).toEqual([]);
}
