/**
 * Journey 8: registering with the keyboard alone, starting from the skip link. Every step
 * checks where focus is, so a broken tab order or an unreachable control fails the test.
 * After a client-side navigation focus is on the new page's heading, where a page load would
 * start a screen reader, unless the page put it somewhere itself (the error summary).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, manageLinkIn, open, osloDateAhead, test, waitForMail } from "./support/fixtures";
import { questionLabels } from "./support/questions";
import { fillRsvp, labels, sentPage, signUpSubject } from "./support/rsvp";

/** Presses Tab until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 25) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("registers using only the keyboard", async ({ page, createMeeting, uniqueEmail }) => {
  // Soon, so it is near the top of the front page's list.
  const meeting = createMeeting({ date: osloDateAhead(1) });
  const email = uniqueEmail("tastatur");
  await open(page, "/");

  // The first Tab lands on the skip link, which is visible when focused.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hopp til hovedinnholdet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // From the list of meetings, Enter on one opens it with focus on its heading.
  await tabTo(page, page.getByRole("link", { name: meeting.title, exact: true }), 100);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeFocused();

  // From the heading, Tab reaches the form; the fields come in reading order.
  const form = page.locator("form#rsvp");
  await tabTo(page, form.getByLabel(labels.name));
  await page.keyboard.type("Tove Tastatur");

  await page.keyboard.press("Tab");
  await expect(form.getByLabel(labels.email)).toBeFocused();
  await page.keyboard.type(email);

  await page.keyboard.press("Tab");
  const partySize = form.getByLabel(labels.partySize);
  await expect(partySize).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(partySize).toHaveValue("2");

  await page.keyboard.press("Tab");
  const accessibility = form.getByLabel(labels.needsAccessibility);
  await expect(accessibility).toBeFocused();
  await page.keyboard.press("Space");
  await expect(accessibility).toBeChecked();

  await page.keyboard.press("Tab");
  await expect(form.getByLabel(labels.needsInterpreter)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel(labels.needsOther, { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(form.getByLabel(labels.needsText)).toBeFocused();
  await page.keyboard.type("Teleslynge");

  await page.keyboard.press("Tab");
  const consent = form.getByLabel(labels.consent, { exact: true });
  await expect(consent).toBeFocused();
  await page.keyboard.press("Space");
  await expect(consent).toBeChecked();

  await page.keyboard.press("Tab");
  await expect(form.getByRole("link", { name: "Les personvernerklæringen" })).toBeFocused();
  await page.keyboard.press("Tab");
  const submit = form.getByRole("button", { name: "Meld meg på" });
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(sentPage);
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
  await open(page, manageLinkIn(await waitForMail(email, signUpSubject)));
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-party-size")).toHaveText("2");
  await expect(
    page.getByText("Tilgjengelighet, for eksempel rullestolplass eller teleslynge. Teleslynge"),
  ).toBeVisible();
});

test("a failed submit moves focus to the error summary, whose links lead to the fields", async ({
  page,
  meeting,
}) => {
  await open(page, meeting.path);
  const form = page.locator("form#rsvp");
  await form.getByLabel(labels.name).focus();
  await page.keyboard.type("Uten Samtykke");
  await tabTo(page, form.getByRole("button", { name: "Meld meg på" }));
  await page.keyboard.press("Enter");

  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Skjemaet har 2 feil" })).toBeVisible();
  await page.keyboard.press("Tab");
  const toEmail = summary.getByRole("link", {
    name: "Skriv e-postadressen din.",
  });
  await expect(toEmail).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByLabel(labels.email)).toBeFocused();
});

test("after a client-side navigation focus is on the new page's heading", async ({
  page,
  createMeeting,
  uniqueEmail,
}) => {
  const meeting = createMeeting({ date: osloDateAhead(1) });
  await open(page, "/");
  const link = page.getByRole("link", { name: meeting.title, exact: true });
  await tabTo(page, link, 100);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => url.pathname === meeting.path);
  const heading = page.getByRole("heading", { level: 1, name: meeting.title });
  await expect(heading).toBeFocused();
  // The next Tab goes on from there, into the page, not from the top of the document.
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);

  // A refused question is answered by the ask page, whose error summary takes focus.
  await page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click();
  await expect(page).toHaveURL((url) => url.pathname === `${meeting.path}/questions/new`);
  await expect(page.locator("form#question #error-summary")).toBeFocused();

  // A sign-up that goes through lands on another page: its heading has focus.
  await page.getByRole("link", { name: meeting.title }).click();
  await expect(heading).toBeFocused();
  await fillRsvp(page, { name: "Frida Fokus", email: uniqueEmail("fokus"), consent: true });
  await page.locator("form#rsvp").getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(sentPage);
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeFocused();
  await page.getByRole("link", { name: "Gå til møtesiden" }).click();
  await expect(heading).toBeFocused();
});
