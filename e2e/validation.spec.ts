/**
 * Journey 3 with JavaScript: errors are shown in a summary that takes focus and beside each
 * field, what was typed stays, and the server refuses the same input with 400 on its own.
 * (The no-JavaScript variant is in no-javascript.spec.ts.)
 */
import {
  expect,
  manageLinkIn,
  open,
  openMeetingFromFrontPage,
  test,
  waitForMail,
} from "./support/fixtures";
import { fillRsvp, labels, sentPage, signUpSubject } from "./support/rsvp";

test("shows errors in a summary and beside the fields, and keeps what was typed", async ({
  page,
  meeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  await openMeetingFromFrontPage(page, meeting);
  const form = page.locator("form#rsvp");
  await form.getByRole("button", { name: "Meld meg på" }).click();

  const summary = page.locator("#error-summary");
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "Skjemaet har 3 feil" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv navnet ditt.",
    "Skriv e-postadressen din.",
    "Du må godta personvernerklæringen for å melde deg på.",
  ]);
  await expect(form.getByLabel(labels.name)).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel(labels.name)).toHaveAccessibleDescription(/Skriv navnet ditt\./);
  await expectNoAxeViolations(page, "meeting page with errors");

  // A summary link leads to its field.
  await summary.getByRole("link", { name: "Skriv navnet ditt." }).click();
  await expect(form.getByLabel(labels.name)).toBeFocused();

  await fillRsvp(page, {
    name: "Gunn Gyldig",
    email: "gunn@",
    partySize: 4,
    needs: { interpreter: true, text: "Tolk til arabisk" },
  });
  await form.getByRole("button", { name: "Meld meg på" }).click();
  await expect(summary.getByRole("heading", { name: "Skjemaet har 2 feil" })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.",
    "Du må godta personvernerklæringen for å melde deg på.",
  ]);
  await expect(form.getByLabel(labels.email)).toHaveAccessibleDescription(
    /Skriv en gyldig e-postadresse, for eksempel navn@eksempel\.no\./,
  );
  await expect(form.getByLabel(labels.name)).not.toHaveAttribute("aria-invalid", "true");
  // Typed values stay.
  await expect(form.getByLabel(labels.name)).toHaveValue("Gunn Gyldig");
  await expect(form.getByLabel(labels.email)).toHaveValue("gunn@");
  await expect(form.getByLabel(labels.partySize)).toHaveValue("4");
  await expect(form.getByLabel(labels.needsInterpreter)).toBeChecked();
  await expect(form.getByLabel(labels.needsText)).toHaveValue("Tolk til arabisk");

  // Fixing the rest registers.
  const email = uniqueEmail("gunn");
  await fillRsvp(page, { email, consent: true });
  await form.getByRole("button", { name: "Meld meg på" }).click();
  await expect(page).toHaveURL(sentPage);
  await open(page, manageLinkIn(await waitForMail(email, signUpSubject)));
  await expect(page.locator("#registration-party-size")).toHaveText("4");
});

test("the server refuses invalid input with 400 on its own", async ({ page, meeting }) => {
  await openMeetingFromFrontPage(page, meeting);
  // Post what the form would send, bypassing the browser's validation (the hidden
  // anti-spam fields included, as a real browser sends them).
  const honeypot = await page.locator('form#rsvp input[name="from__confirm"]').inputValue();
  const response = await page.request.post(meeting.url, {
    form: {
      name: "Tove Test",
      email: "ikke-en-adresse",
      partySize: "9",
      website: "",
      from__confirm: honeypot,
    },
    headers: { Origin: new URL(meeting.url).origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain("Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no.");
  expect(body).toContain("Dere kan være høyst 4 personer per påmelding.");
  expect(body).toContain("Du må godta personvernerklæringen for å melde deg på.");
  expect(body).toContain('value="Tove Test"');
  await page.reload();
  await expect(page.locator("#seats")).toHaveText(
    `${meeting.capacity} av ${meeting.capacity} plasser er ledige.`,
  );
});
