/**
 * Organisers 7: the waitlist and the attendee list's row actions, and cancelling a meeting.
 * A full meeting: moving someone up by hand is refused while no seat is free; cancelling a
 * registration for someone frees the seats and the first on the waitlist gets them, with mail
 * to both. A confirmation is sent again with a working personal link; the list is filtered by
 * status and searched by check-in code. A cancelled meeting says so on the public page and in
 * its calendar file, and the dashboard reminds the organiser to tell the attendees.
 */
import type { Page } from "@playwright/test";
import {
  adminNav,
  calendarParts,
  expect,
  logIn,
  mailTo,
  manageLinkIn,
  meetingPath,
  open,
  parseCalendar,
  signUpElsewhere,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";

const anne = "Anne Avmelder";
const bjorn = "Bjørn Venter";

/** A row of the attendee table, found by the name in its row header. */
const rowOf = (page: Page, name: string) =>
  page
    .locator("#attendee-table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

// The table's data cells after the name: Kontakt, Antall, Status, Behov, Kode, Handlinger.
const STATUS = 2;
const CODE = 4;

/** Sends the GET filter form ("Vis" and "Søk etter navn, e-post eller kode"). */
async function filterList(page: Page, show: string, query: string) {
  await page.getByLabel("Søk etter navn, e-post eller kode").fill(query);
  await page.getByLabel("Vis", { exact: true }).selectOption({ label: show });
  await page.getByRole("button", { name: "Søk", exact: true }).click();
}

test("moves the waitlist by hand and by a cancellation, resends a confirmation and filters the list", async ({
  page,
  browser,
  createOrganiser,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 2, maxPartySize: 4 });
  const a = uniqueEmail("anne");
  const b = uniqueEmail("bjorn");

  // Anne takes both seats; Bjørn goes on the waitlist. On their own device, not logged in.
  expect(
    await signUpElsewhere(browser, meeting, [
      { name: anne, email: a, partySize: 2 },
      { name: bjorn, email: b, partySize: 1 },
    ]),
  ).toEqual(["Påmeldt", "Venteliste, nummer 1"]);

  // An organiser (not an administrator) opens the list.
  const organiser = createOrganiser({ name: "Ola Arrangør" });
  await logIn(page, organiser, {
    redirectTo: meetingPath(meeting.id, "attendees"),
  });
  await expect(page).toHaveURL(meetingPath(meeting.id, "attendees"));
  await expect(adminNav(page)).toContainText(`Innlogget som ${organiser.name}`);
  await expect(page.getByRole("heading", { level: 1, name: "Deltakere" })).toBeVisible();
  await expect(page.locator("#attendee-totals")).toHaveText(
    "Påmeldte personer: 2. Påmeldinger: 1. Ledige plasser: 0. Venteliste – personer: 1, påmeldinger: 1.",
  );
  const anneRow = rowOf(page, anne);
  const bjornRow = rowOf(page, bjorn);
  await expect(anneRow.getByRole("cell").nth(STATUS)).toHaveText("Påmeldt");
  await expect(bjornRow.getByRole("cell").nth(STATUS)).toHaveText("Venteliste nr. 1");
  // Only a waitlisted registration can be moved up.
  await expect(anneRow.getByRole("button", { name: /Flytt opp fra venteliste/ })).toHaveCount(0);
  await expectNoAxeViolations(page, "attendee list with a waitlist");

  // Moving Bjørn up by hand: no seat is free, so the app says so and nothing changes.
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    bjornRow.getByRole("button", { name: `Flytt opp fra venteliste ${bjorn}` }).click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText("Det er ingen ledige plasser.");
  await expect(bjornRow.getByRole("cell").nth(STATUS)).toHaveText("Venteliste nr. 1");
  await expect(page).toHaveURL(meetingPath(meeting.id, "attendees"));
  await expectNoAxeViolations(page, "attendee list with an error");

  // Anne phoned to cancel: the organiser opens "Meld av" on her row and confirms.
  const cancelAnne = anneRow.getByRole("button", { name: `Meld av: ${anne}` });
  await expect(cancelAnne).toBeHidden();
  await anneRow.locator("details > summary").click();
  await expect(cancelAnne).toBeVisible();
  await cancelAnne.click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id, "attendees")}?done=cancel`);
  await expect(page.getByRole("status").first()).toHaveText("Påmeldingen er meldt av.");
  await expect(page.getByRole("alert")).toHaveCount(0);
  // Bjørn got the seat without anyone moving him.
  await expect(bjornRow.getByRole("cell").nth(STATUS)).toHaveText("Påmeldt");
  await expect(anneRow.getByRole("cell").nth(STATUS)).toHaveText("Avmeldt");
  // A cancelled registration has no actions left.
  await expect(anneRow.getByRole("button")).toHaveCount(0);
  await expect(page.locator("#attendee-totals")).toHaveText(
    "Påmeldte personer: 1. Påmeldinger: 1. Ledige plasser: 1. Venteliste – personer: 0, påmeldinger: 0.",
  );
  await expectNoAxeViolations(page, "attendee list after a cancellation");

  // Anne is told, and her calendar entry is cancelled; Bjørn is told he has a seat.
  const cancelled = await waitForMail(a, subjectStartsWith("Avmeldt:"));
  expect(cancelled.subject).toBe(`Avmeldt: ${meeting.title}`);
  const cancelIcs = calendarParts(cancelled).alternative;
  expect(cancelIcs, "text/calendar part in the cancellation").toBeDefined();
  expect(parseCalendar(cancelIcs!.content.toString("utf8")).method).toBe("CANCEL");
  const promoted = await waitForMail(b, subjectStartsWith("Du har fått plass:"));
  expect(promoted.subject).toBe(`Du har fått plass: ${meeting.title}`);

  // Bjørn asks for his confirmation again: a new "Påmeldt" mail with a working link.
  expect(
    (await mailTo(b)).filter(subjectStartsWith("Påmeldt:")),
    "no confirmation for Bjørn before the resend",
  ).toEqual([]);
  await bjornRow.getByRole("button", { name: `Send bekreftelse på nytt ${bjorn}` }).click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id, "attendees")}?done=resend`);
  await expect(page.getByRole("status").first()).toHaveText("Bekreftelsen er sendt på nytt.");
  const resent = await waitForMail(b, subjectStartsWith("Påmeldt:"));
  expect(resent.subject).toBe(`Påmeldt: ${meeting.title}`);

  // Filtered by status: only Anne has cancelled.
  await filterList(page, "Avmeldt", "");
  await expect(page).toHaveURL(/[?&]status=cancelled(&|$)/);
  await expect(page.getByText("Påmeldinger som vises: 1.")).toBeVisible();
  await expect(page.locator("#attendee-table").getByRole("rowheader")).toHaveText([anne]);
  await expectNoAxeViolations(page, "attendee list, cancelled only");

  // Searched by Bjørn's check-in code, as read from the list: only Bjørn.
  await filterList(page, "Alle", "");
  await expect(page.getByText("Påmeldinger som vises: 2.")).toBeVisible();
  const code = (await bjornRow.getByRole("cell").nth(CODE).textContent())?.trim();
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await filterList(page, "Alle", code!);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(code!)}(&|$)`));
  await expect(page.getByText("Påmeldinger som vises: 1.")).toBeVisible();
  await expect(page.locator("#attendee-table").getByRole("rowheader")).toHaveText([bjorn]);

  // The link in the resent confirmation opens Bjørn's own page.
  await open(page, manageLinkIn(resent));
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expectNoAxeViolations(page, "manage page from the resent mail");

  // Exactly one confirmation went out for the one click.
  expect((await mailTo(b)).filter(subjectStartsWith("Påmeldt:"))).toHaveLength(1);
});

test("cancels a meeting from the dashboard only when confirmed; the public page and calendar say so", async ({
  page,
  admin,
  createMeeting,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 2 });
  const calendar = async () => {
    const response = await page.request.get(`/meetings/${meeting.slug}/calendar.ics`);
    expect(response.status()).toBe(200);
    return parseCalendar(await response.text());
  };
  const before = await calendar();
  expect(before.status).toBe("CONFIRMED");
  expect(before.sequence).toBe(0);

  await open(page, meetingPath(meeting.id));
  await expect(adminNav(page)).toContainText(`Innlogget som ${admin.name}`);
  await expect(page.getByText("Status: Publisert")).toBeVisible();
  const changes = page.getByRole("region", {
    name: "Endringer deltakerne må få vite om",
  });
  await expect(changes).toHaveCount(0);
  const confirm = page.getByLabel("Ja, jeg vil avlyse møtet. Deltakerne må få beskjed.", {
    exact: true,
  });
  const cancel = page.getByRole("button", { name: "Avlys møtet" });

  // Not ticked: refused, and the meeting stays as it was.
  await expect(confirm).not.toBeChecked();
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    cancel.click(),
  ]);
  expect(refused.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(
    "Kryss av for at du vil avlyse møtet, og prøv igjen.",
  );
  await expect(page.getByText("Status: Publisert")).toBeVisible();
  await expect(changes).toHaveCount(0);
  expect((await calendar()).sequence).toBe(0);
  await expectNoAxeViolations(page, "dashboard, cancel not confirmed");

  // Ticked: the meeting is cancelled.
  await confirm.check();
  await cancel.click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id)}?status=1`);
  await expect(page.getByRole("status")).toHaveText("Status er endret.");
  await expect(page.getByText("Status: Avlyst")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("listitem")).toHaveCount(1);
  await expect(changes.getByRole("listitem")).toContainText("Møtet er avlyst");
  // Nothing left to cancel; it can be reopened instead.
  await expect(cancel).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Gjenåpne møtet" })).toBeVisible();
  await expectNoAxeViolations(page, "dashboard of a cancelled meeting");

  // The public page says so and takes no registrations.
  await open(page, meeting.path);
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
  await expect(page.getByText("Møtet er avlyst.", { exact: true }).first()).toBeVisible();
  await expect(page.locator("form#rsvp")).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: /Meld meg på|Sett meg på ventelisten/ }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page, "public page of a cancelled meeting");

  // Subscribed calendars get a newer version of the same event, cancelled.
  const after = await calendar();
  expect(after.uid).toBe(before.uid);
  expect(after.status).toBe("CANCELLED");
  expect(after.sequence).toBe(1);
  expect(after.text).toMatch(/\r\nSTATUS:CANCELLED\r\n/);
  expect(after.text).toMatch(/\r\nSEQUENCE:1\r\n/);
});
