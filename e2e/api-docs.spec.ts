import { expect, test } from "./support/test";

// Issue 19 point 6: /api-docs, the old API's contract as a page: readable at 320px
// without JavaScript, schemas behind <details>.

test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });

test("/api-docs lists every operation, opens a schema without JavaScript, and fits 320px", async ({ page }) => {
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("old users API");
  const nav = page.getByRole("navigation", { name: "Operations" });
  await expect(nav.getByRole("link", { name: "POST /api/users/register/" })).toBeVisible();
  await nav.getByRole("link", { name: "POST /api/users/register/" }).click();
  const section = page.getByRole("region", { name: "POST /api/users/register/" });
  await expect(section.getByText('"message": "User registered successfully."')).toBeVisible();
  const schema = section.locator("details", { hasText: "Schema ErrorBody" }).first();
  await expect(schema.locator("pre")).toBeHidden();
  await schema.getByText("Schema ErrorBody").click();
  await expect(schema.locator("pre")).toContainText('"additionalProperties": false');
  await expect(schema.locator("pre")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("link", { name: "/api/openapi.json", exact: true })).toHaveAttribute("href", "/api/openapi.json");
});
