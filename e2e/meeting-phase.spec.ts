/**
 * One true state everywhere (issue 15 §2): a meeting through its life, draft → upcoming →
 * running → ended, and one that is cancelled, seen on every page that shows it: the public
 * page, the personal link from the confirmation mail, the question receipt, the questions
 * list, the ask form and the hall's short link, the projector and its control view, and the
 * organisers' dashboard. On a desktop and on a phone, with axe on each page. The citizen's
 * journey starts on the front page; the personal link comes from the mail.
 */
import type { Browser, Page } from "@playwright/test";
import { getOrganiserById } from "../db/organisers";
import type { DB } from "../db/connection";
import { getMeetingById, setMeetingStatus } from "../db/meetings";
import { findQuestionByToken } from "../app/questions/questions.server";
import { publishAnswers, saveSummary } from "../app/questions/answers.server";
import { answerQuestion } from "../app/questions/moderation.server";
import {
  expect,
  manageLinkIn,
  meetingPath,
  newDevice,
  open,
  test,
  waitForMail,
  type TestMeeting,
  type TestOrganiser,
} from "./support/admin";
import { appUrl } from "./support/paths";
import { moveMeeting } from "./support/phase";
import { approveInQueue, sendQuestion } from "./support/questions";
import { signUpSubject, submitRsvp } from "./support/rsvp";

type Phase = "draft" | "upcoming" | "running" | "ended" | "cancelled";

const devices = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
};

const QUESTION = "Hvor mange skal bo i hvert av småhusene?";
const ANSWER = "Én person i hvert hus, med personale i nærheten.";
const SUMMARY = "Rundt 60 kom. Kommunen svarte på spørsmål om bemanning.";

interface Journey {
  organiser: Page;
  citizen: Page;
  meeting: TestMeeting;
  /** The personal link from the confirmation mail, and the question's private receipt. */
  manage: string;
  receipt: string;
  check: (page: Page, label: string) => Promise<void>;
}

/**
 * A citizen finds the meeting on the front page, signs up, opens the personal link from the
 * mail, goes back to the meeting and asks a question. Resolves with the two private links.
 */
async function citizenJoins(citizen: Page, meeting: TestMeeting, email: string) {
  await open(citizen, "/");
  await citizen.getByRole("link", { name: meeting.title }).click();
  await expect(citizen.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
  await submitRsvp(citizen, { name: "Siri Salsrud", email });
  const manage = manageLinkIn(await waitForMail(email, signUpSubject));
  await citizen.getByRole("link", { name: /^Gå til møtesiden/ }).click();
  await sendQuestion(citizen, { theme: "Trafikk og parkering", text: QUESTION });
  return { manage, receipt: new URL(citizen.url()).pathname };
}

/** The organiser approves the question and puts it on the hall's screen. */
async function putOnScreen(organiser: Page, meeting: TestMeeting) {
  await open(organiser, meetingPath(meeting.id, "questions"));
  await approveInQueue([organiser.locator(".queue-item").filter({ hasText: QUESTION })]);
  await open(organiser, meetingPath(meeting.id, "present/control"));
  await organiser.getByRole("button", { name: "Neste", exact: true }).click();
  await expect(organiser.locator("#control-now")).toContainText(QUESTION);
}

/** The organiser answers it and publishes the answers with a summary (the app's services). */
function publishTheAnswer(db: DB, admin: TestOrganiser, meeting: TestMeeting, receipt: string) {
  const ctx = { db, publicUrl: appUrl, mailFrom: "Røros kommune <postmottak@roros.kommune.no>" };
  const organiser = getOrganiserById(db, admin.id)!;
  const question = findQuestionByToken(db, receipt.split("/").pop()!)!;
  answerQuestion(ctx, organiser, question.id, ANSWER);
  const row = getMeetingById(db, meeting.id)!;
  saveSummary(ctx, organiser, row, SUMMARY);
  publishAnswers(ctx, organiser, row);
}

const notice = (page: Page) => page.locator("#meeting-phase");
const nowAnswering = (page: Page) => page.getByText("Nå svarer panelet på");

/** Every page, as its reader sees it in this phase. */
async function everyPage(j: Journey, phase: Phase) {
  const { citizen, organiser, meeting } = j;
  const gone = phase === "draft";
  const over = phase === "ended" || phase === "cancelled";

  // The public meeting page.
  const page = await citizen.goto(meeting.path);
  if (gone) {
    expect(page?.status(), "a draft has no public page").toBe(404);
  } else {
    await expect(citizen.getByRole("heading", { level: 1, name: meeting.title })).toBeVisible();
    if (phase === "upcoming") await expect(notice(citizen)).toHaveCount(0);
    if (phase === "running") await expect(notice(citizen)).toHaveText("Møtet pågår nå.");
    if (phase === "ended") {
      await expect(notice(citizen)).toContainText("Dette møtet er over.");
      await expect(citizen.locator(".answer")).toContainText(ANSWER);
      await expect(citizen.locator("#summary")).toContainText(SUMMARY);
    }
    if (phase === "cancelled") {
      await expect(notice(citizen)).toHaveText(
        "Møtet er avlyst. Du kan ikke melde deg på eller sende spørsmål. Er du påmeldt, trenger du ikke å gjøre noe.",
      );
      await expect(
        citizen.getByText("Møtet er avlyst, og det tar ikke imot spørsmål."),
      ).toBeVisible();
    }
    // The question is on the screen from the start; the panel answers it only while it runs.
    if (phase === "running") {
      await expect(citizen.locator("#now-answering")).toHaveText(QUESTION);
    } else {
      await expect(nowAnswering(citizen)).toHaveCount(0);
    }
    await expect(citizen.locator("form#rsvp")).toHaveCount(over ? 0 : 1);
    await expect(citizen.locator("form#question")).toHaveCount(over ? 0 : 1);
    await expect(citizen.locator("#calendar-ics")).toHaveCount(over ? 0 : 1);
    await j.check(citizen, `meeting page, ${phase}`);
  }

  // The personal link from the mail.
  await open(citizen, j.manage);
  const heading = citizen.getByRole("heading", { level: 1 });
  const checkIn = citizen.locator("#check-in-code");
  const status = citizen.locator("#registration-status");
  if (phase === "draft") {
    await expect(heading).toHaveText("Du er påmeldt");
    await expect(notice(citizen)).toHaveText(
      "Arrangøren har tatt møtet bort fra nettsiden inntil videre. Påmeldingen din er lagret.",
    );
  }
  if (phase === "upcoming" || phase === "running") {
    await expect(heading).toHaveText("Du er påmeldt");
    await expect(status).toHaveText("Påmeldt");
    await expect(checkIn).toBeVisible();
    await expect(citizen.getByRole("link", { name: "Meld meg av" })).toBeVisible();
  }
  if (phase === "upcoming") await expect(notice(citizen)).toHaveCount(0);
  if (phase === "running") await expect(notice(citizen)).toHaveText("Møtet pågår nå.");
  if (phase === "ended") {
    await expect(heading).toHaveText("Møtet er over");
    await expect(notice(citizen)).toContainText("Dette møtet er over.");
    await expect(
      notice(citizen).getByRole("link", { name: "Se svarene og referatet fra møtet" }),
    ).toHaveAttribute("href", `${meeting.path}/questions`);
  }
  if (phase === "cancelled") {
    await expect(heading).toHaveText("Møtet er avlyst");
    await expect(status).toHaveText("Gjelder ikke, fordi møtet er avlyst");
    await expect(notice(citizen)).toHaveText(
      "Møtet er avlyst. Du trenger ikke å gjøre noe, og du trenger ikke å melde deg av. Har du lagt møtet i kalenderen, kan du slette det der.",
    );
    await expect(citizen.getByText("Du er påmeldt")).toHaveCount(0);
  }
  if (phase !== "upcoming" && phase !== "running") {
    // No code for the door, no calendar, nothing to change or cancel.
    await expect(checkIn).toHaveCount(0);
    await expect(citizen.getByRole("img", { name: /QR-kode/ })).toHaveCount(0);
    await expect(citizen.getByRole("link", { name: "Meld meg av" })).toHaveCount(
      phase === "draft" ? 1 : 0,
    );
    await expect(citizen.locator("#calendar-ics")).toHaveCount(0);
  }
  await j.check(citizen, `personal link, ${phase}`);

  // The question's private receipt.
  await open(citizen, j.receipt);
  await expect(citizen.getByRole("heading", { level: 1, name: "Spørsmålet ditt" })).toBeVisible();
  if (phase === "upcoming") await expect(notice(citizen)).toHaveCount(0);
  if (phase === "running") await expect(notice(citizen)).toHaveText("Møtet pågår nå.");
  if (phase === "draft") {
    await expect(notice(citizen)).toHaveText(
      "Arrangøren har tatt møtet bort fra nettsiden inntil videre.",
    );
  }
  if (phase === "ended") {
    await expect(notice(citizen)).toContainText("Dette møtet er over.");
    await expect(citizen.getByText(ANSWER)).toBeVisible();
  }
  if (phase === "cancelled") {
    await expect(notice(citizen)).toHaveText(
      "Møtet er avlyst. Spørsmålet ditt blir derfor ikke tatt opp på møtet.",
    );
  }
  await j.check(citizen, `question receipt, ${phase}`);

  // The questions list, the ask form and the hall's short link.
  const list = await citizen.goto(`${meeting.path}/questions`);
  const ask = citizen.getByRole("link", { name: "Send et spørsmål" });
  if (gone) {
    expect(list?.status()).toBe(404);
  } else {
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Spørsmål fra innbyggerne");
    await expect(ask).toHaveCount(over ? 0 : 1);
    if (phase === "running") {
      await expect(notice(citizen)).toHaveText("Møtet pågår nå.");
      await expect(citizen.locator("#now-answering")).toHaveText(QUESTION);
    } else {
      await expect(nowAnswering(citizen)).toHaveCount(0);
    }
    if (phase === "upcoming") await expect(notice(citizen)).toHaveCount(0);
    if (phase === "ended") {
      await expect(notice(citizen)).toHaveText("Dette møtet er over.");
      await expect(citizen.locator(".answer")).toContainText(ANSWER);
    }
    if (phase === "cancelled") await expect(notice(citizen)).toContainText("Møtet er avlyst.");
    await j.check(citizen, `questions list, ${phase}`);
  }

  for (const [path, title] of [
    [`${meeting.path}/questions/new`, "Send et spørsmål"],
    [`/q/${meeting.id}`, "Send spørsmål fra salen"],
  ] as const) {
    const response = await citizen.goto(path);
    if (gone) {
      expect(response?.status(), path).toBe(404);
      continue;
    }
    await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(citizen.locator("form#question")).toHaveCount(over ? 0 : 1);
    const closed = citizen.locator("#questions-closed");
    if (phase === "ended") {
      await expect(closed).toHaveText("Møtet er over, og det tar ikke imot flere spørsmål.");
      await expect(
        citizen.getByRole("link", { name: "Se svarene og referatet fra møtet" }),
      ).toBeVisible();
    }
    if (phase === "cancelled") {
      await expect(closed).toHaveText("Møtet er avlyst, og det tar ikke imot spørsmål.");
    }
    await j.check(citizen, `${path}, ${phase}`);
  }

  // The projector, its control view and the dashboard.
  await open(organiser, meetingPath(meeting.id, "present"));
  if (over) {
    await expect(organiser.locator("#presenter-off")).toHaveText(
      phase === "ended" ? "Møtet er over. Takk for spørsmålene!" : "Møtet er avlyst.",
    );
    await expect(organiser.locator("#presenter-qr")).toHaveCount(0);
    await expect(organiser.locator("#presenter-question")).toHaveCount(0);
  } else {
    await expect(organiser.locator("#presenter-question")).toHaveText(QUESTION);
    await expect(organiser.locator("#presenter-qr")).toBeVisible();
  }
  await j.check(organiser, `projector, ${phase}`);

  await open(organiser, meetingPath(meeting.id, "present/control"));
  await expect(organiser.locator("#control-phase")).toHaveText(
    {
      draft: "Møtet er et utkast. Publikum ser ikke hvilket spørsmål som er på skjermen.",
      upcoming:
        "Møtet har ikke startet. Møtesiden viser ikke hvilket spørsmål som er på skjermen før møtet starter.",
      running: "Møtet pågår. Møtesiden viser spørsmålet på skjermen under «Nå svarer panelet på».",
      ended: "Møtet er over. Projektoren viser ikke lenger spørsmål eller QR-koden.",
      cancelled: "Møtet er avlyst. Projektoren sier bare det, og skjemaet for spørsmål er stengt.",
    }[phase],
  );
  await j.check(organiser, `screen control, ${phase}`);

  await open(organiser, meetingPath(meeting.id));
  await expect(organiser.locator("#meeting-phase")).toHaveText(
    {
      draft: "Utkast",
      upcoming: "Publisert",
      running: "Publisert, pågår nå",
      ended: "Publisert, er over",
      cancelled: "Avlyst",
    }[phase],
  );
  await j.check(organiser, `dashboard, ${phase}`);
}

async function citizenDevice(browser: Browser, device: keyof typeof devices) {
  return (await newDevice(browser, devices[device])).newPage();
}

for (const device of Object.keys(devices) as (keyof typeof devices)[]) {
  test.describe(`on a ${device}`, () => {
    test.use(devices[device]);
    // Nine pages in each of two or three phases, each page checked with axe.
    test.describe.configure({ timeout: 180_000 });

    test("a draft, published, then taken down again: every page says which", async ({
      page,
      admin,
      db,
      browser,
      createMeeting,
      uniqueEmail,
      expectNoAxeViolations,
    }) => {
      void admin;
      const meeting = createMeeting();
      setMeetingStatus(db, meeting.id, "draft");
      const citizen = await citizenDevice(browser, device);
      const j: Journey = {
        organiser: page,
        citizen,
        meeting,
        manage: "",
        receipt: "",
        check: expectNoAxeViolations,
      };

      // A draft: the organisers' pages only.
      await open(page, meetingPath(meeting.id));
      await expect(page.locator("#meeting-phase")).toHaveText("Utkast");
      expect((await citizen.goto(meeting.path))?.status()).toBe(404);
      await page.getByRole("button", { name: "Publiser", exact: true }).click();
      await expect(page.locator("#meeting-phase")).toHaveText("Publisert");

      Object.assign(j, await citizenJoins(citizen, meeting, uniqueEmail("fase-utkast")));
      // A rehearsal weeks ahead: the question is on the screen, but nobody is answering it yet.
      await putOnScreen(page, meeting);
      await everyPage(j, "upcoming");

      await open(page, meetingPath(meeting.id));
      await page.getByRole("button", { name: "Gjør til utkast" }).click();
      await expect(page.locator("#meeting-phase")).toHaveText("Utkast");
      await everyPage(j, "draft");
      await citizen.context().close();
    });

    test("running, then over with its answers: every page says which", async ({
      page,
      admin,
      db,
      browser,
      createMeeting,
      uniqueEmail,
      expectNoAxeViolations,
    }) => {
      const meeting = createMeeting();
      moveMeeting(db, meeting.id, "running");
      const citizen = await citizenDevice(browser, device);
      await open(citizen, "/");
      await expect(
        citizen.locator(".meeting-list > li").filter({ hasText: meeting.title }),
      ).toContainText("Møtet pågår nå.");
      const links = await citizenJoins(citizen, meeting, uniqueEmail("fase-pagar"));
      const j: Journey = {
        organiser: page,
        citizen,
        meeting,
        ...links,
        check: expectNoAxeViolations,
      };
      await putOnScreen(page, meeting);
      await everyPage(j, "running");

      publishTheAnswer(db, admin, meeting, links.receipt);
      moveMeeting(db, meeting.id, "ended");
      await everyPage(j, "ended");
      await citizen.context().close();
    });

    test("cancelled by the organiser: every page says so, and what it means", async ({
      page,
      admin,
      browser,
      createMeeting,
      uniqueEmail,
      expectNoAxeViolations,
    }) => {
      void admin;
      const meeting = createMeeting();
      const citizen = await citizenDevice(browser, device);
      const links = await citizenJoins(citizen, meeting, uniqueEmail("fase-avlyst"));
      const j: Journey = {
        organiser: page,
        citizen,
        meeting,
        ...links,
        check: expectNoAxeViolations,
      };
      await putOnScreen(page, meeting);

      await open(page, meetingPath(meeting.id));
      await page.getByLabel("Ja, jeg vil avlyse møtet. Deltakerne må få beskjed.").check();
      await page.getByRole("button", { name: "Avlys møtet" }).click();
      await expect(page.locator("#meeting-phase")).toHaveText("Avlyst");
      await everyPage(j, "cancelled");
      await citizen.context().close();
    });
  });
}
