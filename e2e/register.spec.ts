/**
 * Journey 1: a citizen registers with JavaScript, lands on the neutral "check your email"
 * page and gets a confirmation mail with a calendar invite whose personal link works.
 */
import { osloToUtc } from "../app/platform/dates";
import {
  calendarParts,
  expect,
  icsUtc,
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
import { appUrl } from "./support/paths";
import { fillRsvp, labels, sentPage, tokenOf } from "./support/rsvp";

test("registers with JavaScript and gets a confirmation mail with a calendar invite", async ({
  page,
  context,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  // Winter time (UTC+1) in Oslo: 10 December, 19:00–21:00.
  const year = new Date().getUTCFullYear() + 1;
  const meeting = createMeeting({
    date: `${year}-12-10`,
    startTime: "19:00",
    endTime: "21:00",
    capacity: 40,
  });
  const email = uniqueEmail("ola");
  const weekday = new Intl.DateTimeFormat("nb-NO", {
    weekday: "long",
    timeZone: "Europe/Oslo",
  }).format(new Date(Date.UTC(year, 11, 10, 12)));
  const when = `${weekday} 10. desember ${year} kl. 19.00–21.00`;

  // The meeting is listed on the front page.
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.locator("time")).toHaveText(when);
  await expect(page.locator("#seats")).toHaveText("40 av 40 plasser er ledige.");
  for (const heading of ["Om møtet", "Program", "Tema på møtet"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /Vis i kart/ })).toHaveAttribute(
    "href",
    meeting.mapUrl!,
  );
  await expectNoAxeViolations(page);

  await fillRsvp(page, {
    name: "Ola Nordmann",
    email,
    partySize: 2,
    needs: { interpreter: true, text: "Tegnspråktolk" },
    consent: true,
  });
  await page.getByRole("button", { name: "Meld meg på" }).click();

  // Every accepted sign-up lands on the same page; the outcome is in the mail.
  await expect(page).toHaveURL(sentPage);
  await expect(page.getByRole("heading", { level: 1, name: "Sjekk e-posten din" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(
    "Vi har sendt en e-post til adressen du skrev inn.",
  );
  await expect(page.locator('a[href^="/r/"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "check-your-email page");

  // The confirmation mail, and the personal link in it.
  const mail = await waitForMail(email, subjectStartsWith("Påmeldt:"));
  const token = tokenOf(manageLinkIn(mail));
  await open(page, manageLinkIn(mail));
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.locator("#registration-party-size")).toHaveText("2");
  await expect(page.getByText("Tolk (språk eller tegnspråk). Tegnspråktolk")).toBeVisible();
  await expect(page.getByRole("link", { name: "Legg i kalenderen (.ics)" })).toHaveAttribute(
    "href",
    `/meetings/${meeting.slug}/calendar.ics`,
  );
  await expect(page.getByRole("heading", { level: 2, name: "Din personlige lenke" })).toBeVisible();
  await expect(page.locator("a#manage-link")).toHaveAttribute("href", `${appUrl}/r/${token}`);
  await expectNoAxeViolations(page);

  // The seat is counted on the meeting page.
  await page.getByRole("link", { name: meeting.title }).click();
  await expect(page.locator("#seats")).toHaveText("38 av 40 plasser er ledige.");

  // The confirmation mail.
  expect(mail.subject).toBe(`Påmeldt: ${meeting.title}`);
  const view = await openMailHtml(context, mail);
  await expect(view.locator("#status")).toHaveText("Påmeldt");
  await expect(view.locator("#party-size")).toHaveText("2");
  await expect(view.locator("#when")).toHaveText(when);
  await view.close();
  expect(mail.text).toContain("Ola Nordmann");
  // The same retention the privacy page states and the erasure job runs with.
  expect(mail.text).toContain(
    "Vi bruker opplysningene bare til å planlegge møtet og sletter dem 90 dager etter møtet.",
  );

  // The invite: a text/calendar; method=REQUEST alternative and an application/ics attachment.
  const { alternative, attachment } = calendarParts(mail);
  expect(alternative, "text/calendar alternative part").toBeDefined();
  expect(attachment, "application/ics attachment").toBeDefined();
  expect(alternative!.headers.get("content-type")).toMatchObject({
    params: { method: "REQUEST" },
  });
  for (const part of [alternative!, attachment!]) {
    const ics = parseCalendar(part.content.toString("utf8"));
    expect(ics.method).toBe("REQUEST");
    expect(ics.uid).toBe(`meeting-${meeting.id}@localhost`);
    expect(ics.sequence).toBe(0);
    // 19:00 in Oslo in December is 18:00 UTC.
    expect(osloToUtc(`${year}-12-10`, "19:00")).toBe(`${year}-12-10T18:00:00.000Z`);
    expect(ics.start).toBe(meeting.startsAt);
    expect(ics.end).toBe(meeting.endsAt);
    expect(ics.startIsUtc).toBe(true);
    expect(ics.text).toContain(`DTSTART:${icsUtc(meeting.startsAt)}`);
  }

  // The link in the mail opens the same registration.
  const link = manageLinkIn(mail);
  expect(link).toMatch(new RegExp(`^${appUrl}/r/[A-Za-z0-9_-]{43}$`));
  await open(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
  await expect(page.locator("#registration-status")).toHaveText("Påmeldt");
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByLabel(labels.partySize)).toHaveValue("2");
  await expect(page.getByLabel(labels.needsInterpreter)).toBeChecked();
});

test.describe("on a phone-sized screen", () => {
  test.use({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
  });

  test("registers and lands on the confirmation page", async ({
    page,
    meeting,
    uniqueEmail,
    expectNoAxeViolations,
  }) => {
    const email = uniqueEmail("kari");
    await openMeetingFromFrontPage(page, meeting);
    await fillRsvp(page, { name: "Kari Nordmann", email, consent: true });
    const submit = page.getByRole("button", { name: "Meld meg på" });
    await submit.tap();
    await expect(page).toHaveURL(sentPage);
    await expectNoSidewaysScroll(page, "check-your-email page on a phone");
    const mail = await waitForMail(email, subjectStartsWith("Påmeldt:"));
    await open(page, manageLinkIn(mail));
    await expect(page.getByRole("heading", { level: 1, name: "Du er påmeldt" })).toBeVisible();
    await expect(page.locator("#registration-party-size")).toHaveText("1");
    await expectNoAxeViolations(page, "confirmation page on a phone");
  });
});
