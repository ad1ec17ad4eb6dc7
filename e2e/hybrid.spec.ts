/**
 * Hybrid meetings (issue 19): in Storstuggu or online, one queue of questions. The organiser
 * makes the meeting hybrid in the editor; the hall fills; the next person finds the front
 * page, is offered online and takes it; the stream link is in no public page, feed or .data,
 * nor on the personal page before its time, and comes there and by mail when it is time
 * (dates in the data, support/phase.ts); a question from online is marked "digital" in the
 * queue and on the projector; after the meeting the recording goes once to each attendee in
 * their language. On a phone (390 px) for the citizens, axe on every page.
 */
import type { Page } from "@playwright/test";
import ICAL from "ical.js";
import { getMeetingById, setMeetingStatus, setMeetingStream, updateMeeting } from "../db/meetings";
import {
  calendarParts,
  expect,
  manageLinkIn,
  meetingPath,
  newDevice,
  open,
  openMeetingFromFrontPage,
  test,
  waitForMail,
  waitForMails,
  subjectStartsWith,
  type Mail,
} from "./support/admin";
import { appUrl } from "./support/paths";
import { moveMeeting } from "./support/phase";
import { signUpSubject, submitRsvp } from "./support/rsvp";

const STREAM = "https://www.youtube.com/live/roros-smahus-2027";
const DIAL_IN = "22 00 00 00, kode 4455";
const RECORDING = "https://vimeo.com/987654321";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The event in a mail's calendar part. */
function eventOf(mail: Mail) {
  const text = calendarParts(mail).alternative!.content.toString("utf8");
  return new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vevent")!;
}

/** Every place the public (or a hall attendee) can read, as text: none may hold the stream. */
async function publicTexts(page: Page, slug: string, manage?: string) {
  const paths = [
    "/",
    `/meetings/${slug}`,
    `/meetings/${slug}.data`,
    `/meetings/${slug}/calendar.ics`,
    "/calendar.ics",
    `/meetings/${slug}/questions`,
    `/meetings/${slug}/questions.data`,
  ];
  if (manage) paths.push(manage, `${manage}.data`);
  const texts: string[] = [];
  for (const p of paths) {
    const response = await page.request.get(p.startsWith("http") ? p : `${appUrl}${p}`);
    expect(response.status(), p).toBeLessThan(400);
    texts.push(await response.text());
  }
  return texts.join("\n");
}

test("a hybrid meeting: a full hall offers online, the stream comes at its time, questions and the recording", async ({
  page,
  browser,
  admin: _admin,
  createMeeting,
  db,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  test.slow();
  const meeting = createMeeting({ capacity: 1, maxPartySize: 1 });

  // The organiser makes it hybrid, with the stream and the phone dial-in.
  await open(page, meetingPath(meeting.id));
  await page.getByRole("link", { name: "Rediger" }).click();
  await page.getByRole("radio", { name: "Både i salen og digitalt" }).check();
  await page.getByLabel(/^Lenke til sendingen/).fill(STREAM);
  await page.getByLabel(/^Ring inn/).fill(DIAL_IN);
  await expectNoAxeViolations(page, "editor with online fields");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByText("Endringene er lagret.")).toBeVisible();
  await expect(page.locator("#online-status")).toContainText("Lenken til sendingen er lagt inn.");
  await expect(page.locator("#meeting-phase")).toBeVisible();
  await expectNoAxeViolations(page, "dashboard of a hybrid meeting");

  const citizens = await newDevice(browser, phone);
  const citizen = await citizens.newPage();
  const kari = uniqueEmail("kari-hall");
  const john = uniqueEmail("john-online");

  // Kari takes the hall's one seat.
  await openMeetingFromFrontPage(citizen, meeting);
  await expect(citizen.locator("#meeting-attendance")).toHaveText(
    "I salen eller digitalt, via en sending på nett",
  );
  await expect(citizen.getByRole("radio", { name: "I salen" })).toBeChecked();
  await expectNoAxeViolations(citizen, "meeting page, hall open");
  await submitRsvp(citizen, { name: "Kari Nordmann", email: kari });
  const kariMail = await waitForMail(kari, signUpSubject);
  expect(kariMail.subject).toMatch(/^Påmeldt/);
  expect(kariMail.text).toContain("I salen");

  // John, reading English, finds the hall full and is offered online instead.
  await open(citizen, "/?lang=en");
  await citizen.getByRole("link", { name: meeting.title, exact: true }).click();
  await expect(citizen.locator("#seats")).toContainText("The hall is full");
  const online = citizen.getByRole("radio", { name: /^Online/ });
  await expect(online).toBeChecked();
  await expect(citizen.getByRole("radio", { name: "Waiting list for the hall" })).toBeVisible();
  await expectNoAxeViolations(citizen, "meeting page, hall full, online offered");
  await citizen.locator("form#rsvp").getByLabel(/^Name/).fill("John Smith");
  await citizen
    .locator("form#rsvp")
    .getByLabel(/^Email/)
    .fill(john);
  await citizen
    .locator("form#rsvp")
    .getByRole("checkbox", { name: /privacy notice/ })
    .check();
  await citizen.locator("form#rsvp").getByRole("button", { name: "Sign me up" }).click();
  await citizen.waitForURL(/\/sent/);
  const johnMail = await waitForMail(john, subjectStartsWith("Signed up"));
  expect(johnMail.text).toContain("Online, streamed from");
  expect(johnMail.text).toContain("The link to the stream comes");
  expect(johnMail.text).not.toContain(STREAM);
  const invite = eventOf(johnMail);
  expect(invite.getFirstPropertyValue("location")).toBe("Online");
  expect(invite.toString()).not.toContain("youtube");

  // Before its time the link is nowhere: not public, not on John's own page.
  const johnPage = manageLinkIn(johnMail);
  const kariPage = manageLinkIn(kariMail);
  expect(await publicTexts(citizen, meeting.slug, johnPage)).not.toContain("youtube");
  await open(citizen, johnPage);
  await expect(citizen.locator("#registration-attendance")).toHaveText("Online");
  await expect(citizen.locator("#stream-later")).toContainText(
    "The link to the stream appears here",
  );
  await expect(citizen.locator("#stream-link")).toHaveCount(0);
  await expect(citizen.locator("#check-in-code")).toHaveCount(0);
  await expectNoAxeViolations(citizen, "personal page online, before the link");

  // Ten minutes before the start: John's page has the link, and the mail brings it.
  moveMeeting(db, meeting.id, "soon");
  await open(citizen, johnPage);
  await expect(citizen.locator("#stream-link")).toHaveAttribute("href", STREAM);
  await expect(citizen.locator("#dial-in")).toContainText(DIAL_IN);
  await expectNoAxeViolations(citizen, "personal page online, with the link");
  const streamMail = await waitForMail(john, subjectStartsWith("The link to the stream"));
  expect(streamMail.html).toContain(`href="${STREAM}"`);
  expect(eventOf(streamMail).getFirstPropertyValue("url")).toBe(STREAM);
  // Still not public, nor on the page of Kari, who comes to the hall.
  expect(await publicTexts(citizen, meeting.slug, kariPage)).not.toContain("youtube");

  // John asks from his page; the question is marked digital for the organisers.
  await open(citizen, johnPage);
  await citizen.getByRole("link", { name: "Send questions during the meeting" }).click();
  await expect(
    citizen.getByRole("heading", { level: 1, name: "Questions from those following online" }),
  ).toBeVisible();
  await expectNoAxeViolations(citizen, "ask form for online attendees");
  const question = "Hvor mange ansatte er på vakt om natten?";
  await citizen
    .locator("form#question")
    .getByLabel(/^Topic/)
    .selectOption({ index: 1 });
  await citizen
    .locator("form#question")
    .getByLabel(/^Your question/)
    .fill(question);
  await citizen.locator("form#question").getByRole("button", { name: "Send the question" }).click();
  await citizen.waitForURL(/\/question\//);

  // The dashboard counts the hall and online apart: Kari holds the one seat, John is online.
  await open(page, meetingPath(meeting.id));
  await expect(page.locator("#stat-registered")).toHaveText("1 / 1");
  await expect(page.locator("#stat-seats-left")).toHaveText("0");
  await expect(page.locator("#stat-online")).toHaveText("1");

  await open(page, `${meetingPath(meeting.id)}/questions`);
  await page.getByRole("link", { name: "Digitale" }).click();
  const item = page.locator(".queue-item").filter({ hasText: question });
  await expect(item).toContainText("digitalt");
  await expectNoAxeViolations(page, "queue filtered to digital questions");
  await item.getByRole("button", { name: /^Godkjenn/ }).click();
  await expect(item).toHaveCount(0);
  await open(page, `${meetingPath(meeting.id)}/present/control?source=online`);
  await page
    .getByRole("button", { name: /^Vis på skjermen/ })
    .first()
    .click();
  await expect(page.locator("#control-now")).toContainText("Digitalt");
  await open(page, `${meetingPath(meeting.id)}/present`);
  await expect(page.locator("#presenter-question")).toHaveText(question);
  await expect(page.locator("#presenter-digital")).toHaveText("Digitalt");

  // After the meeting: the recording, on the page and once to each, in their language.
  moveMeeting(db, meeting.id, "ended");
  await open(page, meetingPath(meeting.id));
  await page.getByLabel("Lenke til opptaket").fill(RECORDING);
  await page.getByRole("button", { name: "Lagre opptaket" }).click();
  await expect(page.getByText("Opptaket er lagret.")).toBeVisible();
  const kariRecording = await waitForMail(kari, subjectStartsWith("Opptak:"));
  const johnRecording = await waitForMail(john, subjectStartsWith("Recording:"));
  expect(kariRecording.html).toContain(`href="${RECORDING}"`);
  expect(johnRecording.html).toContain(`href="${RECORDING}"`);
  await open(page, meetingPath(meeting.id));
  await expect(page.locator("#recording-mailed")).toHaveText("Opptaket er sendt til 2 påmeldte.");
  await open(citizen, `/meetings/${meeting.slug}`);
  await expect(citizen.locator("#recording a")).toHaveAttribute("href", RECORDING);
  await expectNoAxeViolations(citizen, "ended meeting with its recording");
  // Once: a few scheduler rounds later there is still one each.
  await page.waitForTimeout(5000);
  expect(await waitForMails(kari, subjectStartsWith("Opptak:"))).toHaveLength(1);
  expect(await waitForMails(john, subjectStartsWith("Recording:"))).toHaveLength(1);
  expect(getMeetingById(db, meeting.id)!.recordingUrl).toBe(RECORDING);
  await citizens.close();
});

test("without JavaScript: hall or online at sign-up, and a move through the personal link", async ({
  browser,
  createMeeting,
  db,
  uniqueEmail,
}) => {
  const meeting = createMeeting({ capacity: 1, maxPartySize: 1 });
  updateMeeting(db, meeting.id, { ...getMeetingById(db, meeting.id)!, attendance: "both" });
  setMeetingStream(db, meeting.id, { streamUrl: STREAM, dialIn: "" });
  const device = await newDevice(browser, { ...phone, javaScriptEnabled: false });
  const citizen = await device.newPage();
  const kari = uniqueEmail("kari-nojs");
  const ola = uniqueEmail("ola-nojs");
  const per = uniqueEmail("per-nojs");

  const signUp = async (name: string, email: string, choice?: string) => {
    await openMeetingFromFrontPage(citizen, meeting);
    if (choice) await citizen.getByRole("radio", { name: choice }).check();
    await submitRsvp(citizen, { name, email });
    return waitForMail(email, signUpSubject);
  };
  const kariMail = await signUp("Kari Nordmann", kari);
  expect(kariMail.subject).toMatch(/^Påmeldt/);
  // The hall is full: online comes first, the hall's waitlist is the other choice.
  await openMeetingFromFrontPage(citizen, meeting);
  await expect(citizen.getByRole("radio", { name: /^Digitalt/ })).toBeChecked();
  const olaMail = await signUp("Ola Nordmann", ola);
  expect(olaMail.text).toContain("Digitalt, sendes fra");
  const perMail = await signUp("Per Hansen", per, "Venteliste til salen");
  expect(perMail.subject).toMatch(/^Venteliste/);

  // Kari gives her seat up and follows online instead: Per gets it.
  await citizen.goto(manageLinkIn(kariMail));
  await citizen.getByRole("radio", { name: /^Digitalt/ }).check();
  await citizen.getByRole("button", { name: "Lagre endringer" }).click();
  await expect(citizen.locator("#registration-attendance")).toHaveText("Digitalt");
  await expect(citizen.locator("#stream-later")).toBeVisible();
  await waitForMail(per, subjectStartsWith("Du har fått plass"));

  // Ola would rather come to the hall, but it is full again: refused, and nothing changes.
  await citizen.goto(manageLinkIn(olaMail));
  await citizen.getByRole("radio", { name: "I salen" }).check();
  await citizen.getByRole("button", { name: "Lagre endringer" }).click();
  await expect(
    citizen.getByText("Det er ikke plass til hele følget ditt der nå.").first(),
  ).toBeVisible();
  await citizen.goto(manageLinkIn(olaMail));
  await expect(citizen.locator("#registration-attendance")).toHaveText("Digitalt");

  // Called off, even inside the link's window: no link, and no way to follow.
  moveMeeting(db, meeting.id, "soon");
  await citizen.goto(manageLinkIn(olaMail));
  await expect(citizen.locator("#stream-link")).toHaveAttribute("href", STREAM);
  setMeetingStatus(db, meeting.id, "cancelled");
  await citizen.goto(manageLinkIn(olaMail));
  await expect(citizen.locator("#online")).toHaveCount(0);
  expect(await citizen.content()).not.toContain("youtube");
  await device.close();
});

test("an online attendee's personal page through every state of the meeting, on a phone", async ({
  browser,
  createMeeting,
  db,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 5, maxPartySize: 2 });
  updateMeeting(db, meeting.id, { ...getMeetingById(db, meeting.id)!, attendance: "both" });
  setMeetingStream(db, meeting.id, { streamUrl: STREAM, dialIn: DIAL_IN });
  const device = await newDevice(browser, phone);
  const citizen = await device.newPage();
  const email = uniqueEmail("online-states");
  await openMeetingFromFrontPage(citizen, meeting);
  await citizen.getByRole("radio", { name: /^Digitalt/ }).check();
  await submitRsvp(citizen, { name: "Nora Nilsen", email });
  const link = manageLinkIn(await waitForMail(email, signUpSubject));

  const states = [
    { state: "upcoming", card: true, stream: false },
    { state: "soon", card: true, stream: true },
    { state: "running", card: true, stream: true },
    { state: "ended", card: false, stream: false },
    { state: "draft", card: false, stream: false },
    { state: "cancelled", card: false, stream: false },
  ] as const;
  for (const { state, card, stream } of states) {
    setMeetingStatus(db, meeting.id, "published");
    if (state === "soon" || state === "running" || state === "ended") {
      moveMeeting(db, meeting.id, state);
    }
    if (state === "draft" || state === "cancelled") setMeetingStatus(db, meeting.id, state);
    await open(citizen, link);
    await expect(citizen.locator("#online"), state).toHaveCount(card ? 1 : 0);
    await expect(citizen.locator("#stream-link"), state).toHaveCount(stream ? 1 : 0);
    expect((await citizen.request.get(`${link}.data`).then((r) => r.text())).includes(STREAM)).toBe(
      stream,
    );
    await expect(citizen.locator("#check-in-code"), state).toHaveCount(0);
    await expectNoAxeViolations(citizen, `online attendee's page, ${state}`);
  }
  await device.close();
});
