/**
 * Organisers 6: sign-ups worth a look. Several people signed up from one browser within
 * seconds are grouped on the attendee page with what gives them away (sign-ups that merely
 * share a network address are not: a hall on one Wi-Fi is normal); the organiser looks them
 * over in the list, ticks the ones to cancel and cancels them together. Seats freed go to the
 * waitlist; it is logged.
 */
import {
  expect,
  meetingPath,
  open,
  randomSuffix,
  subjectStartsWith,
  test,
  waitForMails,
} from "./support/admin";
import { formatDate } from "../app/platform/dates";
import { getRegistration, insertRegistration } from "../db/registrations";
import { register } from "./support/rsvp";

test("shows sign-ups that came together from one source and cancels them together", async ({
  page,
  admin,
  db,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 3, maxPartySize: 4 });
  const bots = ["Bot En", "Bot To", "Bot Tre"].map((name, i) => ({
    name,
    email: uniqueEmail(`bot${i}`),
  }));
  for (const bot of bots) {
    await open(page, meeting.path);
    await register(page, { ...bot, partySize: 1 });
  }
  // Someone else, from another address (written straight into the database), waits.
  const waiting = uniqueEmail("venter");
  const veraId = insertRegistration(
    db,
    meeting.id,
    {
      name: "Vera Venter",
      email: waiting,
      partySize: 1,
      needs: { accessibility: false, interpreter: false, other: false, text: "" },
    },
    "waitlisted",
    `V${randomSuffix().slice(0, 2).toUpperCase()}-${randomSuffix().slice(0, 3).toUpperCase()}`,
  );

  await open(page, meetingPath(meeting.id, "attendees"));
  const bursts = page.locator("#bursts");
  await expect(
    bursts.getByRole("heading", { level: 2, name: "Påmeldinger som bør ses over" }),
  ).toBeVisible();
  // All three came from this test's browser: one group, and what gives it away (first of all).
  await expect(bursts).toContainText("3 påmeldinger");
  await expect(bursts).toContainText(": flere personer fra samme nettleser");
  await expectNoAxeViolations(page, "attendee page with a burst");

  await bursts.getByRole("link", { name: "Vis dem i listen" }).click();
  await expect(page).toHaveURL(/\?burst=\d+/);
  await expect(page.locator("#attendee-table tbody tr")).toHaveCount(3);
  await expect(page.locator("#attendee-table")).not.toContainText("Vera Venter");

  // Nobody is cancelled until the organiser says who.
  await bursts.getByRole("button", { name: "Meld av de valgte" }).click();
  await expect(page.getByRole("alert")).toHaveText("Kryss av for dem du vil melde av.");
  for (const bot of bots) await bursts.getByLabel(new RegExp(`^${bot.name}, `)).check();
  await bursts.getByRole("button", { name: "Meld av de valgte" }).click();
  await expect(page.getByRole("status").first()).toHaveText("De valgte er meldt av.");
  await expect(page.locator("#bursts")).toHaveCount(0);
  // The freed seats went to the waitlist.
  await expect(page.locator("#attendee-totals")).toContainText("Påmeldte personer: 1.");
  expect(getRegistration(db, veraId)!.status).toBe("confirmed");

  // The dashboard says when the attendees' personal data will be erased (RETENTION_DAYS = 90).
  await open(page, meetingPath(meeting.id));
  const erasedOn = formatDate(
    new Date(Date.parse(meeting.endsAt) + 90 * 24 * 3600_000).toISOString(),
  );
  await expect(page.locator("#retention")).toHaveText(
    `Navn, kontaktopplysninger og behov slettes ${erasedOn}. Antallet påmeldte blir stående.`,
  );

  // Each was told by mail; the audit log names the action and who did it.
  for (const bot of bots) await waitForMails(bot.email, subjectStartsWith("Avmeldt:"));
  const logged = db
    .prepare(
      "SELECT actor, details FROM audit_log WHERE action = 'registration.cancelMany' AND meeting_id = ?",
    )
    .get(meeting.id) as { actor: string; details: string };
  expect(logged.actor).toContain(admin.email);
  expect(JSON.parse(logged.details).registrationIds).toHaveLength(3);
});
