/**
 * Journey 5: a full meeting. Capacity counts people; when it is full new registrations go on
 * the waitlist, and a cancellation promotes the first waiting registration that fits.
 */
import {
  calendarParts,
  expect,
  expectNoSidewaysScroll,
  manageLinkIn,
  open,
  openMailHtml,
  openMeetingFromFrontPage,
  parseCalendar,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/fixtures";
import { at, register, tokenOf } from "./support/rsvp";

test("a cancellation moves the first on the waitlist into the meeting", async ({
  page,
  context,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 2, maxPartySize: 4 });
  const a = uniqueEmail("anne");
  const b = uniqueEmail("bjorn");

  // A takes both seats.
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("2 av 2 plasser er ledige.");
  await register(page, { name: "Anne Avmelder", email: a, partySize: 2 });
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  const confirmation = await waitForMail(a, subjectStartsWith("Påmeldt:"));

  // The meeting is full: the form now offers the waitlist (B comes by the front page too).
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText(/^Møtet er fullt\./);
  await expect(
    page.getByRole("heading", { level: 2, name: "Meld deg på ventelisten" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sett meg på ventelisten" })).toBeVisible();
  await expectNoAxeViolations(page, "full meeting page");

  // B goes on the waitlist as number 1.
  // The waitlist place is told in the mail; its link opens the personal page.
  const waitlisted = await register(page, { name: "Bjørn Venter", email: b, partySize: 1 });
  const bToken = tokenOf(page.url());
  await expect(
    page.getByRole("heading", { level: 1, name: "Du står på ventelisten" }),
  ).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Venteliste, nummer 1");
  // No calendar entry for a seat not held.
  await expect(page.getByRole("link", { name: "Legg i kalenderen (.ics)" })).toHaveCount(0);
  await expectNoAxeViolations(page, "waitlisted confirmation page");

  expect(waitlisted.subject).toBe(`Venteliste: ${meeting.title}`);
  const waitView = await openMailHtml(context, waitlisted);
  await expect(waitView.locator("#status")).toHaveText("På venteliste");
  await expect(waitView.locator("#waitlist-position")).toHaveText("1");
  await waitView.close();
  expect(calendarParts(waitlisted)).toEqual({
    alternative: undefined,
    attachment: undefined,
  });

  // A cancels through the link in the confirmation mail, with the confirmation step.
  await open(page, manageLinkIn(confirmation));
  const aToken = tokenOf(page.url());
  await page.getByRole("link", { name: "Meld meg av" }).click();
  await expect(page).toHaveURL(at(`/r/${aToken}/cancel`));
  await page.getByRole("button", { name: "Ja, meld meg av" }).click();
  await expect(page).toHaveURL(at(`/r/${aToken}?cancelled=1`));
  await expect(page.getByRole("heading", { level: 1, name: "Du er meldt av" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Avmeldt");
  await expectNoSidewaysScroll(page, "personal page after cancelling");

  // A is told, and A's calendar entry is cancelled.
  const cancelled = await waitForMail(a, subjectStartsWith("Avmeldt:"));
  expect(cancelled.subject).toBe(`Avmeldt: ${meeting.title}`);
  const cancelParts = calendarParts(cancelled);
  expect(cancelParts.alternative, "text/calendar part in the cancellation").toBeDefined();
  const cancelIcs = parseCalendar(cancelParts.alternative!.content.toString("utf8"));
  expect(cancelIcs.method).toBe("CANCEL");
  expect(cancelIcs.uid).toBe(`meeting-${meeting.id}@localhost`);

  // B got the seat, and is told with a calendar invite.
  const promoted = await waitForMail(b, subjectStartsWith("Du har fått plass:"));
  expect(promoted.subject).toBe(`Du har fått plass: ${meeting.title}`);
  expect(promoted.html).toMatch(/id="status"[^>]*>Påmeldt</);
  const invite = calendarParts(promoted);
  expect(invite.alternative, "text/calendar part in the promotion").toBeDefined();
  expect(invite.attachment, "application/ics attachment in the promotion").toBeDefined();
  const inviteIcs = parseCalendar(invite.alternative!.content.toString("utf8"));
  expect(inviteIcs.method).toBe("REQUEST");
  expect(inviteIcs.uid).toBe(`meeting-${meeting.id}@localhost`);
  expect(inviteIcs.start).toBe(meeting.startsAt);

  // B's personal page (the link from the first visit still works) shows the seat.
  await open(page, `/r/${bToken}`);
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  // And so does the link in the promotion mail.
  await open(page, manageLinkIn(promoted));
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");

  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("#seats")).toHaveText("1 av 2 plasser er ledige.");
});
