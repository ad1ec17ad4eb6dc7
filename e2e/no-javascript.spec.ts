/**
 * Journeys 2 and 3 without JavaScript: every form is a plain HTML form post, so the whole
 * flow (register, see errors, change, cancel) must work from server-rendered pages alone.
 * (The same is true for anyone who submits before the page's scripts have loaded.)
 * axe is not run here (it needs scripts); the same pages are checked with JS elsewhere. Each
 * page is checked for sideways scrolling at 320 px.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  expectNoSidewaysScroll,
  manageLinkIn,
  openMeetingFromFrontPage,
  subjectStartsWith,
  test,
  waitForMail,
  type TestMeeting,
} from "./support/fixtures";
import { appUrl } from "./support/paths";
import { at, fillRsvp, labels, partyLabel, sentPage, signUpSubject, tokenOf } from "./support/rsvp";

test.use({ javaScriptEnabled: false });

/** Registers through the plain form; returns the personal token. */
async function registerWithoutJs(
  page: Page,
  meeting: TestMeeting,
  input: { name: string; email: string; partySize: number },
) {
  await openMeetingFromFrontPage(page, meeting);
  await fillRsvp(page, {
    ...input,
    needs: { accessibility: true, text: "Rullestolplass" },
    consent: true,
  });
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Meld meg på" }).click(),
  ]);
  // A real browser form post, answered with a redirect to the neutral page.
  expect(post.status()).toBe(302);
  await expect(page).toHaveURL(sentPage);
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
  await expectNoSidewaysScroll(page, "check-your-email page without JavaScript");
  // The personal page is reached through the link in the mail, without scripts too.
  const mail = await waitForMail(input.email, signUpSubject);
  await page.goto(manageLinkIn(mail));
  await expectNoSidewaysScroll(page, "personal page without JavaScript");
  return tokenOf(page.url());
}

test("registers by a plain form post", async ({ page, createMeeting, uniqueEmail }) => {
  const meeting = createMeeting({ capacity: 30 });
  const email = uniqueEmail("nojs");

  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("30 av 30 plasser er ledige.");
  await expect(page.getByLabel(labels.partySize).locator("option")).toHaveText([
    "1 person",
    "2 personer",
    "3 personer",
    "4 personer",
  ]);

  const token = await registerWithoutJs(page, meeting, {
    name: "Per Uten Skript",
    email,
    partySize: 3,
  });
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.locator("#registration-party-size")).toHaveText("3");
  await expect(
    page.getByText("Tilgjengelighet, for eksempel rullestolplass eller teleslynge. Rullestolplass"),
  ).toBeVisible();
  await expect(page.locator("a#manage-link")).toHaveText(`${appUrl}/r/${token}`);
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("27 av 30 plasser er ledige.");
});

test("changes the registration by a plain form post", async ({
  page,
  createMeeting,
  uniqueEmail,
}) => {
  const meeting = createMeeting({ capacity: 30 });
  const email = uniqueEmail("nojs-endre");
  const token = await registerWithoutJs(page, meeting, {
    name: "Per Endrer",
    email,
    partySize: 3,
  });

  // 3 → 1 person, interpreter instead of accessibility.
  const change = page.locator("form", {
    has: page.getByRole("button", { name: "Lagre endringer" }),
  });
  await expect(change.getByLabel(labels.partySize)).toHaveValue("3");
  await expect(change.getByLabel(labels.needsAccessibility)).toBeChecked();
  await change.getByLabel(labels.partySize).selectOption({ label: partyLabel(1) });
  await change.getByLabel(labels.needsAccessibility).uncheck();
  await change.getByLabel(labels.needsInterpreter).check();
  await change.getByLabel(labels.needsText).fill("Tolk til polsk");
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    change.getByRole("button", { name: "Lagre endringer" }).click(),
  ]);
  expect(post.status(), "answer to the change form post").toBe(302);
  await expect(page).toHaveURL(at(`/r/${token}?saved=1`));
  await expect(page.getByText("Endringene er lagret.")).toBeVisible();
  await expect(page.locator("#registration-party-size")).toHaveText("1");
  await expect(page.getByText("Tolk (språk eller tegnspråk). Tolk til polsk")).toBeVisible();
  await expectNoSidewaysScroll(page, "personal page after saving, without JavaScript");
  const updated = await waitForMail(email, subjectStartsWith("Endret påmelding:"));
  expect(updated.html).toMatch(/id="party-size"[^>]*>1</);
});

test("cancels by a plain form post, after a confirmation step", async ({
  page,
  createMeeting,
  uniqueEmail,
}) => {
  const meeting = createMeeting({ capacity: 30 });
  const email = uniqueEmail("nojs-avmeld");
  const token = await registerWithoutJs(page, meeting, {
    name: "Per Avmelder",
    email,
    partySize: 2,
  });

  await page.getByRole("link", { name: "Meld meg av" }).click();
  await expect(page).toHaveURL(at(`/r/${token}/cancel`));
  await expect(page.getByRole("heading", { level: 1, name: "Meld deg av" })).toBeVisible();
  await expect(page.getByText(`Vil du melde deg av «${meeting.title}»?`)).toBeVisible();
  await expectNoSidewaysScroll(page, "cancel page without JavaScript");
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Ja, meld meg av" }).click(),
  ]);
  expect(post.status(), "answer to the cancel form post").toBe(302);
  await expect(page).toHaveURL(at(`/r/${token}?cancelled=1`));
  await expect(page.getByRole("heading", { level: 1, name: "Du er meldt av" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Avmeldt");
  await expectNoSidewaysScroll(page, "personal page after cancelling, without JavaScript");
  await waitForMail(email, subjectStartsWith("Avmeldt:"));

  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("30 av 30 plasser er ledige.");
});

test("shows validation errors with status 400 and keeps what was typed", async ({
  page,
  meeting,
}) => {
  await openMeetingFromFrontPage(page, meeting);

  // Nothing filled in.
  let [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Meld meg på" }).click(),
  ]);
  expect(post.status()).toBe(400);
  await page.waitForLoadState("domcontentloaded");
  const summary = page.locator("#error-summary");
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary.getByRole("heading", { name: "Skjemaet har 3 feil" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv navnet ditt.",
    "Skriv e-postadressen din.",
    "Du må godta personvernerklæringen for å melde deg på.",
  ]);

  // A name, a bad address, three people; no consent.
  await fillRsvp(page, {
    name: "Åse Ærlig",
    email: "ikke-en-epost",
    partySize: 3,
    needs: { other: true, text: "Trenger pause" },
  });
  [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Meld meg på" }).click(),
  ]);
  expect(post.status()).toBe(400);
  await page.waitForLoadState("domcontentloaded");
  await expect(summary.getByRole("heading", { name: "Skjemaet har 2 feil" })).toBeVisible();
  const form = page.locator("form#rsvp");
  const emailInput = form.getByLabel(labels.email);
  await expect(emailInput).toHaveAttribute("aria-invalid", "true");
  // The message sits beside the field and is tied to it.
  const emailError = page
    .getByText("Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.")
    .last();
  await expect(emailError).toBeVisible();
  const errorId = await emailError.getAttribute("id");
  expect(errorId).toBeTruthy();
  await expect(emailInput).toHaveAttribute("aria-describedby", new RegExp(`\\b${errorId}\\b`));
  await expect(
    page.getByText("Du må godta personvernerklæringen for å melde deg på.").last(),
  ).toBeVisible();
  // Typed values are kept.
  await expect(form.getByLabel(labels.name)).toHaveValue("Åse Ærlig");
  await expect(emailInput).toHaveValue("ikke-en-epost");
  await expect(form.getByLabel(labels.partySize)).toHaveValue("3");
  await expect(form.getByLabel(labels.needsOther, { exact: true })).toBeChecked();
  await expect(form.getByLabel(labels.needsText)).toHaveValue("Trenger pause");
  await expectNoSidewaysScroll(page, "meeting page with errors, without JavaScript");
  // Nothing was registered.
  await expect(page.locator("#seats")).toHaveText(
    `${meeting.capacity} av ${meeting.capacity} plasser er ledige.`,
  );
});
