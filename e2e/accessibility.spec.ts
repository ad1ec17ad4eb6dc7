/**
 * The accessibility page and the footer's links (issue 18): every page's footer links the
 * municipality's statement on uustatus.no when it is set, and the app's own page, which says
 * what the service is tested against, how, what is missing, and where to write.
 */
import type { Page } from "@playwright/test";
import { expect, open, test } from "./support/fixtures";
import { accessibilityFeedbackEmail, accessibilityStatementUrl, limitedUrl } from "./support/paths";

const footer = (page: Page) => page.locator("footer.site-footer");

test("every page's footer links the statement and the accessibility page, in all three languages", async ({
  page,
  meeting,
  expectNoAxeViolations,
}) => {
  // A citizen's page and an organiser's page both carry the links.
  for (const path of [meeting.path, "/admin/login"]) {
    await open(page, path);
    await expect(
      footer(page).getByRole("link", { name: "Tilgjengelighetserklæring (uustatus.no)" }),
    ).toHaveAttribute("href", accessibilityStatementUrl);
    await expect(
      footer(page).getByRole("link", { name: "Tilgjengelighet", exact: true }),
    ).toHaveAttribute("href", "/accessibility");
  }

  await open(page, meeting.path);
  await footer(page).getByRole("link", { name: "Tilgjengelighet", exact: true }).click();
  await expect(page).toHaveURL("/accessibility");
  await expect(page).toHaveTitle("Tilgjengelighet – Folkemøter i Røros kommune");
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjengelighet" })).toBeVisible();
  await expect(main).toContainText("WCAG 2.1 nivå A og AA");
  await expect(main).toContainText("forskrift om universell utforming");
  for (const heading of [
    "Tilgjengelighetserklæringen",
    "Hva tjenesten skal oppfylle",
    "Slik tester vi",
    "Det som ikke er godt nok ennå",
    "Si fra om noe ikke virker",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator("#known-gaps li")).toHaveCount(6);
  await expect(
    main.getByRole("link", { name: "Les tilgjengelighetserklæringen på uustatus.no" }),
  ).toHaveAttribute("href", accessibilityStatementUrl);
  await expect(main.getByRole("link", { name: accessibilityFeedbackEmail })).toHaveAttribute(
    "href",
    `mailto:${accessibilityFeedbackEmail}?subject=Tilgjengelighet%20p%C3%A5%20folkem%C3%B8tesidene`,
  );
  await expect(main.getByRole("link", { name: "uutilsynet.no" })).toHaveAttribute(
    "href",
    "https://www.uutilsynet.no/",
  );
  await expectNoAxeViolations(page, "accessibility page");

  // Nynorsk and English, through the switcher in the header.
  await page.getByRole("link", { name: "Nynorsk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjenge" })).toBeVisible();
  await expect(footer(page).getByRole("link", { name: "Tilgjenge", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Slik testar vi" })).toBeVisible();
  await expectNoAxeViolations(page, "accessibility page in nynorsk");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility" })).toBeVisible();
  await expect(page).toHaveTitle("Accessibility – Public meetings in Røros Municipality");
  await expect(
    footer(page).getByRole("link", { name: "Accessibility statement (uustatus.no)" }),
  ).toHaveAttribute("href", accessibilityStatementUrl);
  await expect(page.getByRole("heading", { level: 2, name: "How we test" })).toBeVisible();
  await expectNoAxeViolations(page, "accessibility page in English");
});

test("without a statement URL the footer leaves it out, and feedback goes to the contact address", async ({
  page,
}) => {
  // Server 2 runs without ACCESSIBILITY_STATEMENT_URL and ACCESSIBILITY_FEEDBACK_EMAIL.
  await page.goto(`${limitedUrl}/`);
  await expect(footer(page).getByRole("link", { name: /uustatus/ })).toHaveCount(0);
  await footer(page).getByRole("link", { name: "Tilgjengelighet", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjengelighet" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: /uustatus/ })).toHaveCount(0);
  await expect(main).toContainText("Lenken til erklæringen er ikke lagt inn her ennå.");
  await expect(main.getByRole("link", { name: "postmottak@roros.kommune.no" })).toHaveAttribute(
    "href",
    /^mailto:postmottak@roros\.kommune\.no\?subject=/,
  );
});
