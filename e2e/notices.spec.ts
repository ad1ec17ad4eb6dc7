/**
 * Change notices: an organiser moves a meeting's time, then its place; the dashboard collects
 * both edits; the preview page shows how many get the notice and the mail itself; one send
 * gives every attendee one notice. The seat holder's carries the updated calendar part (same
 * UID, higher SEQUENCE, new UTC time); the waitlisted one gets the words only. The public page's
 * add-to-calendar links carry the new times, and the outbox view shows the mail as sent.
 */
import { osloToUtc } from "../app/platform/dates";
import {
  calendarParts,
  expect,
  icsUtc,
  mailTo,
  manageLinkIn,
  meetingPath,
  open,
  openMeetingFromFrontPage,
  parseCalendar,
  signUpElsewhere,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";

test("the organiser moves the meeting and sends one notice with the updated calendar to every attendee", async ({
  page,
  browser,
  admin,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  expect(admin.role).toBe("admin");
  const meeting = createMeeting({
    capacity: 2,
    maxPartySize: 2,
    startTime: "19:00",
    endTime: "21:00",
  });
  const kari = uniqueEmail("kari");
  const per = uniqueEmail("per");

  expect(
    await signUpElsewhere(browser, meeting, [
      { name: "Kari Nordmann", email: kari, partySize: 2 },
      { name: "Per Venter", email: per, partySize: 1 },
    ]),
  ).toEqual(["Påmeldt", "Venteliste, nummer 1"]);
  const confirmation = await waitForMail(kari, subjectStartsWith("Påmeldt"));
  const invite = parseCalendar(calendarParts(confirmation).alternative!.content.toString("utf8"));

  // Two edits in a row: an hour earlier, then a new place.
  await open(page, meetingPath(meeting.id, "edit"));
  await page.getByLabel("Starter kl.", { exact: true }).fill("18:00");
  await page.getByLabel("Slutter kl.", { exact: true }).fill("20:00");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");
  await open(page, meetingPath(meeting.id, "edit"));
  await page.getByLabel("Navn på stedet", { exact: true }).fill("Bergstaden hotell");
  await page
    .getByLabel("Praktisk informasjon (valgfritt)")
    .fill("Kaffe fra kl. 17.30. Ta gjerne med spørsmål.");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");

  const changes = page.getByRole("region", { name: "Endringer deltakerne må få vite om" });
  await expect(changes.getByRole("listitem")).toHaveCount(2);
  // The organiser reads the times as Norwegians write them (they are stored in UTC).
  await expect(changes.getByRole("listitem").filter({ hasText: "kl. 18.00–20.00" })).toHaveCount(1);
  await changes.getByRole("link", { name: "Forhåndsvis og send varsel" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "notice"));
  await expect(
    page.getByRole("heading", { level: 1, name: "Varsle deltakerne om endringer" }),
  ).toBeVisible();
  await expect(page.locator("#recipient-count")).toHaveText("2 påmeldte får e-posten.");
  await expect(page.locator("#preview-subject")).toContainText("Emne: Endret: ");
  await expectNoAxeViolations(page, "notice preview");

  await page
    .getByLabel("Personlig hilsen (valgfritt)")
    .fill("Beklager flyttingen – salen i Storstuggu er opptatt.");
  await page.getByRole("button", { name: "Vis forhåndsvisning" }).click();
  await expect(page.locator("#preview-text")).toContainText(
    "Beklager flyttingen – salen i Storstuggu er opptatt.",
  );
  await page.getByRole("button", { name: "Send varsel" }).click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id)}?notified=2`);
  await expect(page.getByRole("status")).toHaveText("Varselet er lagt i køen til 2 deltakere.");
  await expect(changes).toHaveCount(0);

  const newStart = osloToUtc(meeting.date, "18:00");
  const newEnd = osloToUtc(meeting.date, "20:00");
  const notice = await waitForMail(kari, subjectStartsWith("Endret:"));
  expect(notice.text).toContain("Beklager flyttingen");
  expect(notice.text).toContain("Nytt sted: Bergstaden hotell");
  expect(notice.text).toContain("Kaffe fra kl. 17.30. Ta gjerne med spørsmål.");
  const { alternative, attachment } = calendarParts(notice);
  expect(attachment?.filename).toBe("invitasjon.ics");
  const update = parseCalendar(alternative!.content.toString("utf8"));
  expect(update.method).toBe("REQUEST");
  expect(update.uid).toBe(invite.uid);
  expect(update.sequence).toBeGreaterThan(invite.sequence!);
  expect(update.start).toBe(newStart);
  expect(update.end).toBe(newEnd);
  expect(update.text).toContain(`DTSTART:${icsUtc(newStart)}`);

  const waitlisted = await waitForMail(per, subjectStartsWith("Endret:"));
  expect(waitlisted.text).toContain("Du står fortsatt på ventelisten");
  expect(calendarParts(waitlisted).alternative).toBeUndefined();

  // The public page's add-to-calendar links carry the new UTC times.
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.getByText("Kaffe fra kl. 17.30. Ta gjerne med spørsmål.")).toBeVisible();
  const google = new URL((await page.locator("#calendar-google").getAttribute("href"))!);
  expect(google.searchParams.get("dates")).toBe(`${icsUtc(newStart)}/${icsUtc(newEnd)}`);
  const outlook = new URL((await page.locator("#calendar-outlook").getAttribute("href"))!);
  expect(outlook.searchParams.get("startdt")).toBe(newStart.replace(".000Z", "Z"));
  await expectNoAxeViolations(page, "meeting page with add-to-calendar links");

  // So do the ones on Kari's personal page, reached through the notice's link.
  await open(page, manageLinkIn(notice));
  const personal = new URL((await page.locator("#calendar-office365").getAttribute("href"))!);
  expect(personal.searchParams.get("startdt")).toBe(newStart.replace(".000Z", "Z"));
  expect(personal.searchParams.get("enddt")).toBe(newEnd.replace(".000Z", "Z"));
  await expectNoAxeViolations(page, "personal page with add-to-calendar links");

  // The outbox view shows the notices as sent.
  await open(page, meetingPath(meeting.id, "outbox"));
  const rows = page.locator("#outbox-table tbody tr");
  await expect(rows.filter({ hasText: "Endringsvarsel" })).toHaveCount(2);
  await expect(rows.filter({ hasText: "Endringsvarsel" }).filter({ hasText: "Sendt" })).toHaveCount(
    2,
  );
  await expectNoAxeViolations(page, "meeting outbox");
});

test("the calendar feed lists published meetings and keeps a cancelled one, marked cancelled", async ({
  page,
  admin,
  createMeeting,
}) => {
  expect(admin.role).toBe("admin");
  const meeting = createMeeting();
  await open(page, meetingPath(meeting.id));
  await page
    .getByLabel("Ja, jeg vil avlyse møtet. Deltakerne må få beskjed.", { exact: true })
    .check();
  await page.getByRole("button", { name: "Avlys møtet" }).click();
  await expect(page.getByText("Status: Avlyst")).toBeVisible();

  const response = await page.request.get("/calendar.ics");
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const text = await response.text();
  const block = text
    .replace(/\r\n /g, "")
    .split("BEGIN:VEVENT")
    .find((e) => e.includes(`UID:meeting-${meeting.id}@`));
  expect(block).toContain("STATUS:CANCELLED");
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  await open(page, "/");
  await expect(page.locator("#calendar-feed")).toHaveAttribute(
    "href",
    /^webcal:\/\/localhost:\d+\/calendar\.ics$/,
  );
});

test("the organiser writes to the waitlist only; an empty message is refused beside its field", async ({
  page,
  browser,
  admin,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  expect(admin.role).toBe("admin");
  const meeting = createMeeting({ capacity: 1, maxPartySize: 1 });
  const seated = uniqueEmail("seated");
  const waiting = uniqueEmail("waiting");
  expect(
    await signUpElsewhere(browser, meeting, [
      { name: "Sara Sete", email: seated, partySize: 1 },
      { name: "Vilde Venter", email: waiting, partySize: 1 },
    ]),
  ).toEqual(["Påmeldt", "Venteliste, nummer 1"]);

  await open(page, meetingPath(meeting.id));
  await page.getByRole("link", { name: "Skriv til deltakerne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skriv til deltakerne" })).toBeVisible();
  await expectNoAxeViolations(page, "message to attendees");
  await page.getByLabel(/Bare de på ventelisten/).check();
  await page.getByLabel("Emne").fill("Større sal?");
  await page.getByRole("button", { name: "Send e-post" }).click();
  await expect(page.locator("#error-summary")).toContainText("Skriv en melding.");

  await page.getByLabel("Melding").fill("Vi prøver å få en større sal, så flere får plass.");
  await page.getByLabel("Melding").blur();
  await expect(page.locator("#error-summary")).toHaveCount(0);
  await page.getByRole("button", { name: "Send e-post" }).click();
  await expect(page.getByRole("status")).toHaveText("E-posten er lagt i køen til 1 mottaker.");
  const message = await waitForMail(waiting, subjectStartsWith("Større sal?"));
  expect(message.text).toContain("Vi prøver å få en større sal");
  await waitForMail(seated, subjectStartsWith("Påmeldt"));
  expect((await mailTo(seated)).filter(subjectStartsWith("Større sal?"))).toHaveLength(0);
});
