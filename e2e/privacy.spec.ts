/**
 * Confidentiality in questions, without JavaScript: a question with a phone number is held at
 * a warning step and sent privately instead; the organiser finds it from the dashboard and
 * answers it by mail; the asker's mail and private link show the answer, and the question is on
 * no public page, in no panel export and on no projector list. The open-moderation numbers on
 * the public questions page follow the queue as questions are merged and declined. Every page a
 * citizen sees is checked for sideways scrolling at 320 px. With JavaScript: the warning as the
 * citizen types, and axe on each privacy page (axe needs scripts).
 */
import type { Page } from "@playwright/test";
import {
  expect,
  expectNoSidewaysScroll,
  fillLogin,
  loginLabels,
  meetingPath,
  open,
  openMeetingFromFrontPage,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";
import { appUrl } from "./support/paths";
import { fillQuestion, questionLabels, seedQuestion } from "./support/questions";

test.use({ javaScriptEnabled: false });

async function logInByForm(page: Page, organiser: { email: string; password: string }) {
  await page.goto("/admin/login");
  await fillLogin(page, organiser.email, organiser.password);
  await page.getByRole("button", { name: loginLabels.submit }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

test("a question with a phone number is warned about, sent privately and answered by mail", async ({
  page,
  browser,
  meeting,
  uniqueEmail,
  createOrganiser,
}) => {
  const asker = uniqueEmail("private-asker");
  const text = "Naboen min har nummer 912 34 567. Skal hun flytte inn i småhusene?";
  await openMeetingFromFrontPage(page, meeting);
  await fillQuestion(page, { theme: "Trafikk og parkering", text, email: asker });
  await page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click();
  // Nothing is stored yet (counted below): the citizen is told what was found and why.
  const step = page.locator("#privacy-step");
  await expect(step.getByRole("heading", { name: "Sjekk spørsmålet før du sender" })).toBeVisible();
  await expect(page.locator("#privacy-step-findings")).toContainText("Telefonnummer");
  await expect(page.locator("#privacy-step-text mark")).toHaveText("912 34 567 (Telefonnummer)");
  await expectNoSidewaysScroll(page, "privacy warning step");

  await step.getByRole("button", { name: "Send privat til kommunen" }).click();
  await expect(page).toHaveURL(/\/question\/[A-Za-z0-9_-]{43}\?sent=1$/);
  await expect(page.locator("#question-status")).toHaveText(
    "Sendt privat til kommunen – venter på svar",
  );
  await expectNoSidewaysScroll(page, "receipt of a private question");

  // Not public: neither on the meeting page nor on its questions page, which counts it apart.
  await openMeetingFromFrontPage(page, meeting);
  await expect(page.getByText("912 34 567")).toHaveCount(0);
  await page.goto(`${meeting.path}/questions`);
  await expect(page.getByText("912 34 567")).toHaveCount(0);
  // One question was stored, the private one: the warning step kept nothing.
  await expect(page.locator("#moderation-private")).toHaveText(
    "Sendt privat til kommunen og besvart direkte, aldri vist: 1",
  );
  await expect(page.locator("#moderation-received")).toHaveText("0");

  // The organiser finds it from the dashboard, under its own count.
  const organiserContext = await browser.newContext({ javaScriptEnabled: false });
  const organiser = await organiserContext.newPage();
  await logInByForm(organiser, createOrganiser());
  await organiser.goto(meetingPath(meeting.id));
  await expect(organiser.locator("#private-questions")).toHaveText("1 sendt privat, 0 besvart");
  await organiser.locator("#private-questions").click();
  await expect(organiser.locator(".queue-item")).toHaveCount(1);
  // A private question can be neither published nor shown on the screen in the hall.
  await expect(organiser.getByRole("button", { name: /^Godkjenn/ })).toHaveCount(0);
  await expect(organiser.getByRole("button", { name: /^Vis på skjermen/ })).toHaveCount(0);
  await organiser.getByRole("link", { name: /^Svar privat på e-post/ }).click();
  const answer =
    "Kommunen kan ikke si noe om hvem som skal bo der. Ring oss gjerne på 72 41 94 00.";
  await organiser.getByLabel("Svar privat på e-post").fill(answer);
  await organiser.getByRole("button", { name: "Send svaret" }).click();
  // The answer holds a phone number (the municipality's own): the same guard warns of
  // taushetsplikt, keeps the text, and sends only when the organiser says so.
  await expect(organiser.getByText(/Husk taushetsplikten/)).toBeVisible();
  await expect(organiser.getByLabel("Svar privat på e-post")).toHaveValue(answer);
  await organiser.getByRole("button", { name: "Lagre likevel" }).click();
  await organiser.goto(meetingPath(meeting.id));
  await expect(organiser.locator("#private-questions")).toHaveText("1 sendt privat, 1 besvart");

  // Not in the panel's export either.
  await organiser.goto(meetingPath(meeting.id, "questions/export"));
  const started = organiser.waitForEvent("download");
  await organiser
    .getByRole("button", { name: "Last ned CSV (semikolon, for norsk Excel)" })
    .click();
  const csv = await (await started).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of csv) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).not.toContain("912 34 567");
  await organiserContext.close();

  // The asker's mail carries the answer and the link, which shows it too.
  const mail = await waitForMail(asker, subjectStartsWith("Svar på spørsmålet du sendte privat"));
  expect(mail.text).toContain(answer);
  const link = /href="([^"]+)"[^>]*id="question-link"|id="question-link"[^>]*href="([^"]+)"/.exec(
    String(mail.html),
  );
  const url = (link?.[1] ?? link?.[2] ?? "").replaceAll("&amp;", "&");
  expect(url).toMatch(/\/question\/[A-Za-z0-9_-]{43}/);
  await page.goto(url);
  await expect(page.locator("#question-status")).toHaveText("Sendt privat til kommunen – besvart");
  await expect(page.locator("#question-answer")).toHaveText(answer);
  await expectNoSidewaysScroll(page, "answered private question");
});

test("the public questions page counts what became of every question, never the declined text", async ({
  page,
  browser,
  db,
  meeting,
  createOrganiser,
}) => {
  const kept = seedQuestion(db, meeting.id, "Blir det mer trafikk i Gjøsvika?").question;
  seedQuestion(db, meeting.id, "Mer trafikk i gata vår nå?");
  seedQuestion(db, meeting.id, "Et spørsmål som ikke handler om saken i det hele tatt");

  await page.goto(`${meeting.path}/questions`);
  await expect(page.locator("#moderation-received")).toHaveText("3");
  await expect(page.locator("#moderation-published")).toHaveText("0");

  const organiserContext = await browser.newContext({ javaScriptEnabled: false });
  const organiser = await organiserContext.newPage();
  await logInByForm(organiser, createOrganiser());
  await organiser.goto(meetingPath(meeting.id, "questions"));
  const item = (text: string) => organiser.locator(".queue-item").filter({ hasText: text });
  await item("Blir det mer trafikk")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();
  const off = item("ikke handler om saken");
  await off.locator("summary", { hasText: "Avvis" }).click();
  await off
    .getByLabel("Hvorfor publiseres det ikke?")
    .selectOption({ label: "handler ikke om saken" });
  await off.getByRole("button", { name: /^Avvis #/ }).click();
  await item("Mer trafikk i gata")
    .getByRole("link", { name: /^Rediger/ })
    .click();
  await organiser.getByLabel("Slå sammen med").selectOption(String(kept.id));
  await organiser.getByRole("button", { name: "Slå sammen" }).click();
  await organiserContext.close();

  await page.reload();
  await expect(page.locator("#moderation-received")).toHaveText("3");
  await expect(page.locator("#moderation-published")).toHaveText("1");
  await expect(page.locator("#moderation-merged")).toHaveText("1");
  await expect(page.locator("#moderation-declined-offTopic")).toHaveText("1");
  await expect(page.getByText("ikke handler om saken i det hele tatt")).toHaveCount(0);
  await expectNoSidewaysScroll(page, "open moderation counts");
});

test.describe("with JavaScript", () => {
  test.use({ javaScriptEnabled: true });

  test("the form warns as the citizen types, and every privacy page passes axe", async ({
    page,
    admin,
    meeting,
    uniqueEmail,
    expectNoAxeViolations,
  }) => {
    void admin;
    const asker = uniqueEmail("live-asker");
    await openMeetingFromFrontPage(page, meeting);
    await fillQuestion(page, { theme: "Trafikk og parkering", text: "Blir det fortau?" });
    await expect(page.locator("#privacy-live")).toBeEmpty();
    await fillQuestion(page, {
      text: "Blir det fortau forbi Gjøsvikvegen 12, der en med demens bor?",
    });
    const live = page.locator("#privacy-live");
    await expect(live).toContainText("Gateadresse");
    await expect(live).toContainText("Ord om helse eller diagnose");
    await expect(live).toContainText("Sjekken skjer bare i nettleseren din.");
    await expectNoAxeViolations(page, "question form with the live privacy warning");

    await fillQuestion(page, { email: asker });
    await page
      .locator("form#question")
      .getByRole("button", { name: questionLabels.submit })
      .click();
    await expect(page.locator("#privacy-step")).toBeVisible();
    await expectNoAxeViolations(page, "privacy warning step");
    await page
      .locator("#privacy-step")
      .getByRole("button", { name: "Send privat til kommunen" })
      .click();
    await expect(page.locator("#question-status")).toHaveText(
      "Sendt privat til kommunen – venter på svar",
    );
    await expectNoAxeViolations(page, "receipt of a private question");

    await open(page, meetingPath(meeting.id));
    await page.locator("#private-questions").click();
    await expect(page.locator(".queue-item")).toHaveCount(1);
    await expectNoAxeViolations(page, "moderation queue, private questions");
    await page.getByRole("link", { name: /^Svar privat på e-post/ }).click();
    await page
      .getByLabel("Svar privat på e-post")
      .fill("Vi svarer ikke på hvem som bor i Gjøsvikvegen 12.");
    await page.getByRole("button", { name: "Send svaret" }).click();
    await expect(page.getByText(/Husk taushetsplikten/)).toBeVisible();
    await expectNoAxeViolations(page, "private answer with the taushetsplikt warning");
  });

  test("a flagged question is published only once an organiser confirms, and the summary is checked too", async ({
    page,
    admin,
    meeting,
    expectNoAxeViolations,
  }) => {
    void admin;
    await openMeetingFromFrontPage(page, meeting);
    await fillQuestion(page, {
      theme: "Trafikk og parkering",
      text: "Hvor skal de som bor i Gjøsvikvegen 12 parkere?",
    });
    await page
      .locator("form#question")
      .getByRole("button", { name: questionLabels.submit })
      .click();
    await page
      .locator("#privacy-step")
      .getByRole("button", { name: "Send likevel til moderering" })
      .click();
    await expect(page.locator("#question-status")).toHaveText("Venter på moderering");

    await open(page, meetingPath(meeting.id, "questions"));
    const item = page.locator(".queue-item").filter({ hasText: "Gjøsvikvegen 12" });
    await expect(item.getByText("Kan inneholde personopplysninger")).toBeVisible();
    await expect(item.locator("mark")).toContainText("Gjøsvikvegen 12");
    await expectNoAxeViolations(page, "moderation queue with a flagged question");

    // Approving without the confirmation is refused by the server, not only by the form.
    const id = (await item.getAttribute("id"))!.replace("q-", "");
    const refused = await page.request.post(`${appUrl}${meetingPath(meeting.id, "questions")}`, {
      headers: { Origin: appUrl },
      form: { intent: "approve", questionId: id },
    });
    expect(refused.status()).toBe(400);
    await page.reload();
    await expect(page.locator("#count-approved")).toHaveText("0");

    await item.getByLabel("Spørsmålet inneholder ikke personopplysninger").check();
    await item.getByRole("button", { name: /^Godkjenn/ }).click();
    await expect(page.locator("#count-approved")).toHaveText("1");
    await open(page, "/admin/audit");
    await expect(page.getByText("question.approve").first()).toBeVisible();

    // The published summary goes through the same guard.
    await open(page, meetingPath(meeting.id, "answers"));
    const summary = "Beboeren i Gjøsvikvegen 12 har demens.";
    await page.getByLabel("Referat").fill(summary);
    await page.getByRole("button", { name: "Lagre referatet" }).click();
    await expect(page.getByText(/Husk taushetsplikten/)).toBeVisible();
    await expect(page.getByLabel("Referat")).toHaveValue(summary);
    await expectNoAxeViolations(page, "summary with the taushetsplikt warning");
    await page.getByRole("button", { name: "Lagre likevel" }).click();
    await expect(page.getByText(/Husk taushetsplikten/)).toHaveCount(0);
    await expect(page.getByLabel("Referat")).toHaveValue(summary);
  });
});
