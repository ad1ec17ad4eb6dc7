/**
 * Organisers 4: meetings. An organiser creates a meeting in the editor (mistakes are shown
 * beside the fields and in a summary, values kept), publishes it and finds it on the public
 * pages; a new time for a published meeting raises the calendar's SEQUENCE and shows up on
 * the dashboard as a change the attendees must hear about.
 */
import type { Page } from "@playwright/test";
import { formatMeetingTime, formatWallDate, osloToUtc } from "../app/platform/dates";
import {
  adminNav,
  expect,
  icsUtc,
  meetingPath,
  open,
  parseCalendar,
  randomSuffix,
  test,
} from "./support/admin";
import { demoSlug } from "./support/paths";

/** Next year's December: winter time in Oslo (UTC+1), whatever the date of the run. */
const year = new Date().getUTCFullYear() + 1;

const weekday = (date: string) =>
  new Intl.DateTimeFormat("nb-NO", {
    weekday: "long",
    timeZone: "Europe/Oslo",
  }).format(new Date(`${date}T12:00:00Z`));

async function calendarOf(page: Page, slug: string) {
  const response = await page.request.get(`/meetings/${slug}/calendar.ics`);
  expect(response.status()).toBe(200);
  return parseCalendar(await response.text());
}

test("creates a meeting, fixes the mistakes, publishes it and finds it on the public pages", async ({
  page,
  admin,
  expectNoAxeViolations,
}) => {
  const suffix = randomSuffix();
  const title = `Folkemøte om ny skolevei ${suffix}`;
  const slug = `skolevei-${suffix}`;
  const date = `${year}-12-03`;

  await open(page, "/admin");
  await expect(adminNav(page)).toContainText(`Innlogget som ${admin.name}`);
  await expect(page.getByRole("heading", { level: 1, name: "Møter" })).toBeVisible();
  await expectNoAxeViolations(page, "meetings list");

  await page.getByRole("link", { name: "Nytt møte" }).click();
  await expect(page).toHaveURL("/admin/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Nytt møte" })).toBeVisible();
  // Defaults: one neutral theme (not the Røros demo's), 19–21, 100 seats.
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await expect(field("Tema for spørsmål")).toHaveValue(
    "Spørsmål og innspill – Alt du lurer på eller vil si om saken.",
  );
  await expect(field("Starter kl.")).toHaveValue("19:00");
  await expect(field("Antall plasser")).toHaveValue("100");
  await expectNoAxeViolations(page, "meeting editor");

  // Sent empty: every missing field is named, in the summary and beside the field.
  await page.getByRole("button", { name: "Opprett utkast" }).click();
  const summary = page.locator("#error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Fyll ut feltet." }).first()).toBeVisible();
  await expect(field("Tittel")).toHaveAttribute("aria-invalid", "true");
  await expect(field("Tittel")).toHaveAccessibleDescription("Fyll ut feltet.");
  await expect(field("Navn på stedet")).toHaveAccessibleDescription("Fyll ut feltet.");
  await expect(page).toHaveURL("/admin/meetings/new");
  await expectNoAxeViolations(page, "meeting editor with errors");

  await field("Tittel").fill(title);
  // An address another meeting has: only the server can know, so this one is a 400.
  await field("Adresse (slug)").fill(demoSlug);
  await field("Beskrivelse").fill(
    "Kommunen viser forslaget til **ny skolevei** langs Hyttelva.\n\nEtterpå er det tid til spørsmål.",
  );
  await page.getByRole("group", { name: "Tid" }).getByLabel("Dato", { exact: true }).fill(date);
  await field("Starter kl.").fill("18:30");
  await field("Slutter kl.").fill("20:30");
  await field("Navn på stedet").fill("Røros skole, gymsalen");
  await field("Adresse").fill("Skoleveien 1, 7374 Røros");
  await field("Kartlenke (valgfritt)").fill(
    "https://www.openstreetmap.org/search?query=R%C3%B8ros%20skole",
  );
  await field("Tilgjengelighet").fill("Trinnfri inngang fra skolegården. Teleslynge.");
  await field("Antall plasser").fill("60");
  await field("Høyst antall personer per påmelding").fill("5");
  await field("Program").fill(
    "18.30 Velkommen\n18.40 Forslaget til skolevei\n19.30 Spørsmål og svar",
  );
  await field("Navn og rolle (valgfritt)").fill("Kari Kommune, rådgiver");

  const refused = page.waitForResponse(
    (r) =>
      r.request().method() === "POST" &&
      new URL(r.url()).pathname.startsWith("/admin/meetings/new"),
  );
  await page.getByRole("button", { name: "Opprett utkast" }).click();
  expect((await refused).status()).toBe(400);
  await expect(summary).toContainText("Adressen er allerede i bruk av et annet møte.");
  await expect(field("Adresse (slug)")).toHaveAccessibleDescription(
    /Adressen er allerede i bruk av et annet møte\./,
  );
  // What was typed is still there.
  await expect(field("Tittel")).toHaveValue(title);
  await expect(field("Adresse (slug)")).toHaveValue(demoSlug);
  await expect(field("Starter kl.")).toHaveValue("18:30");
  await expect(field("Program")).toHaveValue(/Forslaget til skolevei/);
  await expectNoAxeViolations(page, "meeting editor with a server error");

  await field("Adresse (slug)").fill(slug);
  await page.getByRole("button", { name: "Opprett utkast" }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/\d+\?created=1$/);
  const id = Number(/\/admin\/meetings\/(\d+)/.exec(page.url())![1]);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(
    "Møtet er opprettet som utkast. Publiser det når det er klart.",
  );
  await expect(page.getByText("Status: Utkast")).toBeVisible();
  await expect(page.locator("#stat-registered")).toHaveText("0 / 60");
  await expect(page.locator("#stat-seats-left")).toHaveText("60");
  await expect(page.getByText("Ingen påmeldinger ennå.")).toBeVisible();
  // A draft is not public.
  await expect(page.getByRole("link", { name: "Se den offentlige siden" })).toHaveCount(0);
  expect((await page.request.get(`/meetings/${slug}`)).status()).toBe(404);
  await expectNoAxeViolations(page, "dashboard of a draft");

  await page.getByRole("button", { name: "Publiser" }).click();
  await expect(page).toHaveURL(`${meetingPath(id)}?status=1`);
  await expect(page.getByRole("status")).toHaveText("Status er endret.");
  await expect(page.getByText("Status: Publisert")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gjør til utkast" })).toBeVisible();
  await expectNoAxeViolations(page, "dashboard of a published meeting");

  await page.getByRole("link", { name: "Se den offentlige siden" }).click();
  await expect(page).toHaveURL(`/meetings/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("time")).toHaveText(
    `${weekday(date)} 3. desember ${year} kl. 18.30–20.30`,
  );
  await expect(page.locator("#seats")).toHaveText("60 av 60 plasser er ledige.");
  await expect(page.getByText("Røros skole, gymsalen")).toBeVisible();
  // The description's Markdown is shown formatted.
  const about = page.getByRole("region", { name: "Om møtet" });
  await expect(about.locator("strong")).toHaveText("ny skolevei");
  await expect(about.getByRole("paragraph")).toHaveCount(2);
  await expect(about).not.toContainText("**");
  const agenda = page.getByRole("region", { name: "Program" }).getByRole("listitem");
  await expect(agenda).toHaveText([
    "18.30Velkommen",
    "18.40Forslaget til skolevei",
    "19.30Spørsmål og svar",
  ]);
  const themes = page.getByRole("region", { name: "Tema på møtet" }).getByRole("listitem");
  await expect(themes).toHaveText([
    "Spørsmål og innspill – Alt du lurer på eller vil si om saken.",
  ]);

  await open(page, "/");
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // The list of meetings shows it as published.
  await open(page, "/admin");
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Publisert");
  await expect(row).toContainText("0 / 60");

  // "Make the next one like this": a draft copy with its own address, opened in the editor.
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(meetingPath(id));
  await page.getByRole("button", { name: "Lag nytt møte som dette" }).click();
  await expect(page).toHaveURL(/\/admin\/meetings\/\d+\/edit\?duplicated=1$/);
  expect(page.url()).not.toContain(meetingPath(id, "edit"));
  await expect(page.getByRole("heading", { level: 1, name: "Rediger møtet" })).toBeVisible();
  // The copy has the original's date: the editor says to set a new one (soft: the catalogue's
  // "dashboard.duplicated" message; the journey goes on either way).
  await expect
    .soft(page.getByRole("status"), "notice that this is a copy")
    .toHaveText("Dette er en kopi. Sett ny dato og tid, og publiser når det er klart.", {
      timeout: 2_000,
    });
  await expect(field("Adresse (slug)")).toHaveValue(`${slug}-kopi`);
  await expect(field("Tittel")).toHaveValue(title);
  await expect(field("Program")).toHaveValue(/Forslaget til skolevei/);
  await expectNoAxeViolations(page, "editor of a copy");
  await page.getByRole("link", { name: "Avbryt" }).click();
  await expect(page.getByText("Status: Utkast")).toBeVisible();
});

test("a new time for a published meeting raises the calendar SEQUENCE and warns the organiser", async ({
  page,
  admin,
  createMeeting,
  expectNoAxeViolations,
}) => {
  const date = `${year}-12-10`;
  const meeting = createMeeting({ date, startTime: "19:00", endTime: "21:00" });
  const before = await calendarOf(page, meeting.slug);
  expect(before.sequence).toBe(0);
  expect(before.start).toBe(`${year}-12-10T18:00:00.000Z`);

  await open(page, meetingPath(meeting.id));
  await expect(page.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
  await expect(adminNav(page)).toContainText(`Innlogget som ${admin.name}`);
  await expect(
    page.getByRole("region", { name: "Endringer deltakerne må få vite om" }),
  ).toHaveCount(0);
  await page.getByRole("link", { name: "Rediger" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "edit"));
  await expect(page.getByRole("heading", { level: 1, name: "Rediger møtet" })).toBeVisible();
  await expect(page.getByLabel("Starter kl.", { exact: true })).toHaveValue("19:00");
  await expectNoAxeViolations(page, "meeting editor, editing");

  // One hour earlier.
  await page.getByLabel("Starter kl.", { exact: true }).fill("18:00");
  await page.getByLabel("Slutter kl.", { exact: true }).fill("20:00");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id)}?saved=1&changed=1`);
  await expect(page.getByRole("status")).toHaveText("Endringene er lagret.");

  const oldTime = formatMeetingTime(osloToUtc(date, "19:00"), osloToUtc(date, "21:00"));
  const newTime = formatMeetingTime(osloToUtc(date, "18:00"), osloToUtc(date, "20:00"));
  expect(newTime).toBe(`${weekday(date)} 10. desember ${year} kl. 18.00–20.00`);
  const changes = page.getByRole("region", {
    name: "Endringer deltakerne må få vite om",
  });
  await expect(changes).toBeVisible();
  await expect(changes.getByRole("listitem")).toHaveCount(1);
  await expect(changes.getByRole("listitem")).toContainText(`Ny tid: ${oldTime} → ${newTime}`);
  await expect(changes).toContainText("Deltakerne har ikke fått beskjed om disse endringene ennå.");
  await expectNoAxeViolations(page, "dashboard with a pending change");

  // Calendars that subscribed to the meeting see a newer version at the new time.
  const after = await calendarOf(page, meeting.slug);
  expect(after.uid).toBe(before.uid);
  expect(after.sequence).toBe(1);
  expect(after.startIsUtc).toBe(true);
  expect(after.start).toBe(`${year}-12-10T17:00:00.000Z`);
  expect(after.end).toBe(`${year}-12-10T19:00:00.000Z`);
  expect(after.text).toMatch(/\r\nSEQUENCE:1\r\n/);
  expect(after.text).toContain(`DTSTART:${icsUtc(`${year}-12-10T17:00:00.000Z`)}`);

  await open(page, meeting.path);
  await expect(page.locator("time")).toHaveText(newTime);
});

/** The last Sunday of a month next year: when Oslo changes between winter and summer time. */
function lastSunday(month: number): string {
  const day = new Date(Date.UTC(year, month, 0, 12));
  day.setUTCDate(day.getUTCDate() - day.getUTCDay());
  return day.toISOString().slice(0, 10);
}

test("refuses a time that does not exist, or exists twice, in Oslo, naming the date", async ({
  page,
  admin,
  expectNoAxeViolations,
}) => {
  const suffix = randomSuffix();
  await open(page, "/admin/meetings/new");
  await expect(adminNav(page)).toContainText(admin.name);
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const date = page.getByRole("group", { name: "Tid" }).getByLabel("Dato", { exact: true });
  await field("Tittel").fill(`Møte om sommertid ${suffix}`);
  await field("Adresse (slug)").fill(`sommertid-${suffix}`);
  await field("Navn på stedet").fill("Storstuggu");
  await field("Adresse").fill("Osloveien 2, 7374 Røros");
  const summary = page.locator("#error-summary");
  const submitButton = page.getByRole("button", { name: "Opprett utkast" });
  // A plain form post, past the browser's own check: the server must answer 400, not 500.
  const postPlainly = async () => {
    const answer = page.waitForResponse(
      (r) =>
        r.request().method() === "POST" &&
        new URL(r.url()).pathname.startsWith("/admin/meetings/new"),
    );
    await page
      .locator("form", { has: submitButton })
      .evaluate((form: HTMLFormElement) => form.submit());
    return (await answer).status();
  };

  // Spring forward: 02.30 does not exist that night.
  const spring = lastSunday(3);
  await date.fill(spring);
  await field("Starter kl.").fill("02:30");
  await field("Slutter kl.").fill("04:00");
  expect(await postPlainly()).toBe(400);
  const springDate = formatWallDate(spring);
  await expect(summary).toContainText(
    `Klokkeslettet 02.30 finnes ikke ${springDate}, fordi klokka stilles fram fra 02.00 til 03.00 den natta.`,
  );
  await expect(field("Starter kl.")).toHaveAccessibleDescription(/finnes ikke/);
  await expectNoAxeViolations(page, "meeting editor with a summer-time error");

  // Fall back: 02.30 happens twice that night.
  const autumn = lastSunday(10);
  await date.fill(autumn);
  await field("Starter kl.").fill("01:00");
  await field("Slutter kl.").fill("02:30");
  // With scripts, the browser checks with the same rule before it posts.
  await submitButton.click();
  await expect(summary).toContainText(
    `Klokkeslettet 02.30 finnes to ganger ${formatWallDate(autumn)}, fordi klokka stilles tilbake fra 03.00 til 02.00 den natta.`,
  );

  // 03.00 is unambiguous: the draft is created.
  await field("Slutter kl.").fill("03:00");
  await submitButton.click();
  await expect(page).toHaveURL(/\/admin\/meetings\/\d+\?created=1$/);
});
