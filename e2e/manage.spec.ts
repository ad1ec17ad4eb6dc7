/**
 * Journey 6: the personal link. Change party size and needs, back out of cancelling, then
 * cancel for real and come back; and a party that would not fit is refused with a message.
 */
import {
  expect,
  open,
  openMeetingFromFrontPage,
  subjectStartsWith,
  test,
  waitForMail,
  waitForMails,
} from "./support/fixtures";
import { at, fillNeeds, labels, partyLabel, register, tokenOf } from "./support/rsvp";

test("changes party size and needs, then cancels through the personal link", async ({
  page,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 20 });
  const email = uniqueEmail("endre");
  await openMeetingFromFrontPage(page, meeting);
  await register(page, { name: "Liv Endresen", email, partySize: 1 });
  const token = tokenOf(page.url());
  await waitForMail(email, subjectStartsWith("Påmeldt:"));

  // Change: 1 → 3 people, accessibility and a description.
  const change = page.locator("form", {
    has: page.getByRole("button", { name: "Lagre endringer" }),
  });
  await expect(page.getByRole("heading", { level: 2, name: "Endre påmeldingen" })).toBeVisible();
  await expect(change.getByLabel(labels.partySize)).toHaveValue("1");
  await change.getByLabel(labels.partySize).selectOption({ label: partyLabel(3) });
  await fillNeeds(change, {
    accessibility: true,
    text: "Trenger plass til rullestol",
  });
  await change.getByRole("button", { name: "Lagre endringer" }).click();

  await expect(page).toHaveURL(at(`/r/${token}?saved=1`));
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");
  await expect(page.locator("#registration-party-size")).toHaveText("3");
  await expect(
    page.getByText(
      "Tilgjengelighet, for eksempel rullestolplass eller teleslynge. Trenger plass til rullestol",
    ),
  ).toBeVisible();
  await expect(change.getByLabel(labels.partySize)).toHaveValue("3");
  await expect(change.getByLabel(labels.needsAccessibility)).toBeChecked();
  await expectNoAxeViolations(page, "manage page after saving");

  const changed = await waitForMail(email, subjectStartsWith("Endret påmelding:"));
  expect(changed.subject).toBe(`Endret påmelding: ${meeting.title}`);
  expect(changed.html).toMatch(/id="party-size"[^>]*>3</);

  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("17 av 20 plasser er ledige.");

  // Cancelling asks first; "Nei, gå tilbake" changes nothing.
  await open(page, `/r/${token}`);
  await page.getByRole("link", { name: "Meld meg av" }).click();
  await expect(page).toHaveURL(at(`/r/${token}/cancel`));
  await expect(page.getByRole("heading", { level: 1, name: "Meld deg av" })).toBeVisible();
  await expect(page.getByText(`Vil du melde deg av «${meeting.title}»?`)).toBeVisible();
  await expectNoAxeViolations(page, "cancel page");
  await page.getByRole("link", { name: "Nei, gå tilbake" }).click();
  await expect(page).toHaveURL(at(`/r/${token}`));
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");

  await page.getByRole("link", { name: "Meld meg av" }).click();
  await page.getByRole("button", { name: "Ja, meld meg av" }).click();
  await expect(page).toHaveURL(at(`/r/${token}?cancelled=1`));
  await expect(page.getByRole("heading", { level: 1, name: "Du er meldt av" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Vi har sendt deg en bekreftelse på e-post.");
  await expect(page.locator("#registration-status")).toHaveText("Avmeldt");
  // Nothing left to change or cancel.
  await expect(page.getByRole("button", { name: "Lagre endringer" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Meld meg av" })).toHaveCount(0);
  await expectNoAxeViolations(page, "manage page after cancelling");

  // The cancel page of a cancelled registration leads back to the personal page.
  await open(page, `/r/${token}/cancel`);
  await expect(page).toHaveURL(at(`/r/${token}`));

  const cancelled = await waitForMail(email, subjectStartsWith("Avmeldt:"));
  expect(cancelled.subject).toBe(`Avmeldt: ${meeting.title}`);
  expect(cancelled.html).toMatch(/id="status"[^>]*>Avmeldt</);

  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("20 av 20 plasser er ledige.");

  // Changed her mind: her own link signs her up again (the public form would not).
  await open(page, `/r/${token}`);
  await page.getByRole("button", { name: "Meld meg på igjen" }).click();
  await expect(page).toHaveURL(at(`/r/${token}?rejoined=1`));
  await expect(page.getByRole("status")).toContainText("Du er påmeldt igjen.");
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.locator("#registration-party-size")).toHaveText("3");
  await expectNoAxeViolations(page, "manage page after coming back");
  await waitForMails(email, subjectStartsWith("Påmeldt:"), { count: 2 });
});

test("refuses a bigger party than there is room for, and says how many fit", async ({
  page,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 5, maxPartySize: 4 });
  await openMeetingFromFrontPage(page, meeting);
  await register(page, {
    name: "Først Fyllesen",
    email: uniqueEmail("first"),
    partySize: 3,
  });
  await openMeetingFromFrontPage(page, meeting);
  await register(page, {
    name: "Andre Andersen",
    email: uniqueEmail("second"),
    partySize: 1,
  });
  const token = tokenOf(page.url());

  // One seat is left: the second party may grow from 1 to 2, not to 4.
  const change = page.locator("form", {
    has: page.getByRole("button", { name: "Lagre endringer" }),
  });
  await change.getByLabel(labels.partySize).selectOption({ label: partyLabel(4) });
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    change.getByRole("button", { name: "Lagre endringer" }).click(),
  ]);
  expect(post.status()).toBe(400);
  const summary = page.locator("#error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Det er bare plass til 2 personer i påmeldingen din nå.");
  await expect(summary).toBeFocused();
  await expectNoAxeViolations(page, "manage page with an error");
  await expect(page.locator("#registration-party-size")).toHaveText("1");

  await change.getByLabel(labels.partySize).selectOption({ label: partyLabel(2) });
  await change.getByRole("button", { name: "Lagre endringer" }).click();
  await expect(page).toHaveURL(at(`/r/${token}?saved=1`));
  await expect(page.locator("#registration-party-size")).toHaveText("2");
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
});
