/** The public pages around the journeys: front page, privacy, the calendar file, health. */
import { expect, open, openMeetingFromFrontPage, parseCalendar, test } from "./support/fixtures";
import { demoSlug } from "./support/paths";

test("the front page lists upcoming meetings with free seats", async ({
  page,
  createMeeting,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 12 });
  await open(page, "/");
  await expect(page).toHaveTitle("Folkemøter i Røros kommune");
  await expect(page.getByRole("heading", { level: 1, name: "Kommende folkemøter" })).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Informasjonsmøte om småhus ved Gjøsvika" }),
  ).toHaveAttribute("href", `/meetings/${demoSlug}`);
  const item = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: meeting.title }) });
  await expect(item).toContainText("12 ledige plasser");
  await expect(item).toContainText(meeting.venueName);
  await expectNoAxeViolations(page);
});

test("the demo meeting page has all its parts", async ({ page, expectNoAxeViolations }) => {
  await openMeetingFromFrontPage(page, {
    title: "Informasjonsmøte om småhus ved Gjøsvika",
    path: `/meetings/${demoSlug}`,
  });
  await expect(
    page.getByText(
      /^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) \d{1,2}\. \p{L}+ \d{4} kl\. 19\.00–21\.00$/u,
    ),
  ).toBeVisible();
  for (const term of ["Tid", "Sted", "Tilgjengelighet"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByText("Storstuggu, Røros kulturhus").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Kontaktperson" })).toBeVisible();
  await expect(page.locator("#seats")).toHaveText(/^\d+ av 120 plasser er ledige\.$/);
  await expect(page.getByLabel("Hvor mange kommer?").locator("option")).toHaveCount(4);
  await expectNoAxeViolations(page);
});

test("the privacy page is reachable from the form", async ({
  page,
  meeting,
  expectNoAxeViolations,
}) => {
  await openMeetingFromFrontPage(page, meeting);
  await page.locator("form#rsvp").getByRole("link", { name: "Les personvernerklæringen" }).click();
  await expect(page).toHaveURL("/privacy");
  await expect(page.getByRole("heading", { level: 1, name: "Personvern" })).toBeVisible();
  await expect(page.getByText("Røros kommune er behandlingsansvarlig")).toBeVisible();
  // The retention the erasure job runs with (RETENTION_DAYS, default 90).
  await expect(page.locator("#retention")).toHaveText(
    "Navn, e-post, telefonnummer og det du skrev om behov slettes automatisk 90 dager etter at møtet er over. Vi beholder bare antallet påmeldte. Samtidig sletter vi navn og e-post til dem som sendte spørsmål; selve spørsmålene og svarene blir stående.",
  );
  // Subscriptions to updates about the case have their own rule (UPDATES_RETENTION_DAYS, 365).
  await expect(page.locator("#retention-updates")).toContainText(
    "men ikke lenger enn 365 dager etter siste oppdatering om saken",
  );
  await expectNoAxeViolations(page);
});

test("the meeting's calendar file is a published event in UTC", async ({ page, createMeeting }) => {
  // Summer time (UTC+2): 18:00 in Oslo is 16:00 UTC.
  const year = new Date().getUTCFullYear() + 1;
  const meeting = createMeeting({
    date: `${year}-06-18`,
    startTime: "18:00",
    endTime: "20:00",
  });
  await openMeetingFromFrontPage(page, meeting);
  const link = page.getByRole("link", {
    name: "Legg møtet i kalenderen (.ics)",
  });
  await expect(link).toHaveAttribute("href", `/meetings/${meeting.slug}/calendar.ics`);

  const response = await page.request.get(`/meetings/${meeting.slug}/calendar.ics`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
  const ics = parseCalendar(await response.text());
  expect(ics.method).toBe("PUBLISH");
  expect(ics.uid).toBe(`meeting-${meeting.id}@localhost`);
  expect(ics.start).toBe(`${year}-06-18T16:00:00.000Z`);
  expect(ics.end).toBe(`${year}-06-18T18:00:00.000Z`);
  expect(ics.startIsUtc).toBe(true);
  // No personal data in the public file.
  expect(ics.text).not.toMatch(/^ATTENDEE/m);
});

test("/healthz answers ok", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect((await response.text()).trim()).toBe("ok");
});
