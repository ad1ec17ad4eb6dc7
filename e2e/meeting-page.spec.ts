/**
 * Journey 14: what a citizen finds on a meeting page, from the front page. On a phone the
 * sign-up form is far down: a "Meld deg på" link near the top takes them (and keyboard focus)
 * there, with or without JavaScript. The question form carries the meeting's own guidance, or
 * a neutral one. Every page's footer says whom to contact, in all three languages.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, open, test } from "./support/fixtures";
import { labels } from "./support/rsvp";

const demo = "Informasjonsmøte om småhus ved Gjøsvika";
const switcher = (page: Page) => page.getByRole("navigation", { name: /^(Språk|Language)$/ });

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 30) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the jump link takes keyboard focus to the sign-up form; the footer names the contact in three languages", async ({
    page,
    expectNoAxeViolations,
  }) => {
    await open(page, "/");
    await page.getByRole("link", { name: demo }).click();
    await expect(page.getByRole("heading", { level: 1, name: demo })).toBeVisible();

    const form = page.locator("form#rsvp");
    await expect(form).not.toBeInViewport();
    const jump = page.getByRole("link", { name: "Meld deg på" });
    await expect(jump).toBeInViewport();
    await tabTo(page, jump);
    await page.keyboard.press("Enter");
    const heading = page.locator("#rsvp-heading");
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
    await page.keyboard.press("Tab");
    await expect(form.getByLabel(labels.name)).toBeFocused();

    // The demo's own word to askers stands above its question form.
    await expect(page.locator("#question-guidance")).toHaveText(
      /hvem som skal bo i småhusene\. De som skal bo der, har krav på personvern/,
    );

    const contact = page.locator("#site-contact");
    await expect(contact).toHaveText(
      "Spørsmål om møtene? Kontakt Røros kommune: telefon 72 41 94 00, e-post postmottak@roros.kommune.no.",
    );
    await expect(contact.getByRole("link", { name: "72 41 94 00" })).toHaveAttribute(
      "href",
      "tel:72419400",
    );
    await expect(
      contact.getByRole("link", { name: "postmottak@roros.kommune.no" }),
    ).toHaveAttribute("href", "mailto:postmottak@roros.kommune.no");
    await expectNoAxeViolations(page, "meeting page on a phone");

    await switcher(page).getByRole("link", { name: "Nynorsk" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nn");
    await expect(page.locator("#site-contact")).toHaveText(
      "Spørsmål om møta? Kontakt Røros kommune: telefon 72 41 94 00, e-post postmottak@roros.kommune.no.",
    );
    await switcher(page).getByRole("link", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("#site-contact")).toHaveText(
      "Questions about the meetings? Contact Røros kommune: phone 72 41 94 00, email postmottak@roros.kommune.no.",
    );
    await expect(page.getByRole("link", { name: "Sign up" })).toBeInViewport();
    await expectNoAxeViolations(page, "meeting page in English on a phone");
    // And on a page that is not a meeting's.
    await page.getByRole("link", { name: "Privacy", exact: true }).click();
    await expect(page.locator("#site-contact")).toContainText("Contact Røros kommune");
  });

  test("a meeting without guidance of its own shows a neutral one above the question form", async ({
    page,
    createMeeting,
    expectNoAxeViolations,
  }) => {
    const meeting = createMeeting();
    await open(page, "/");
    await page.getByRole("link", { name: meeting.title }).click();
    const guidance = page.locator("#question-guidance");
    await expect(guidance).toHaveText(
      "Ikke skriv navn eller opplysninger om andre personer, for eksempel om helse eller familie. Alle har krav på personvern, og kommunen har taushetsplikt.",
    );
    await expect(guidance).not.toContainText("småhus");
    // So does the form the hall's short link opens on a phone.
    await open(page, `/q/${meeting.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("#question-guidance")).toContainText("helse eller familie");
    await expectNoAxeViolations(page, "question page with the neutral guidance");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test("the jump link still lands on the sign-up form, focus with it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: demo }).click();
    const jump = page.getByRole("link", { name: "Meld deg på" });
    await tabTo(page, jump);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#rsvp-heading$/);
    await expect(page.locator("#rsvp-heading")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.locator("form#rsvp").getByLabel(labels.name)).toBeFocused();
  });
});

test.describe("from a post on Facebook", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the shared link's tracking parameters are gone from the address, and the page is the meeting's", async ({
    page,
    meeting,
    expectNoAxeViolations,
  }) => {
    // What a click on the local paper's post opens: the link with Facebook's id and a campaign.
    await open(page, `${meeting.path}?fbclid=IwAR2Xq8vT0kLm&utm_source=facebook&utm_medium=social`);
    await expect(page).toHaveURL((url) => url.pathname === meeting.path && url.search === "");
    await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
    await expectNoAxeViolations(page, "meeting page reached from a shared post");
    // The language switcher's links carry no tracker on to the next page either.
    const english = switcher(page).getByRole("link", { name: "English" });
    await expect(english).not.toHaveAttribute("href", /fbclid|utm_/);
  });
});
