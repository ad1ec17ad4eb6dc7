/**
 * Questions without JavaScript: every form is a plain HTML form post. A citizen sends a
 * question (and sees errors), edits and withdraws it through the private link, supports a
 * question; an organiser approves and reorders the panel's list with the up/down buttons.
 * Hostile bodies answer 4xx and the per-IP limit 429. axe runs in questions.spec.ts (it needs
 * scripts); each page a citizen sees here is checked for sideways scrolling at 320 px.
 */
import {
  expect,
  expectNoSidewaysScroll,
  fillLogin,
  loginLabels,
  meetingPath,
  openMeetingFromFrontPage,
  test,
} from "./support/admin";
import { appUrl, limitedRateLimit, limitedUrl } from "./support/paths";
import { approveInQueue, fillQuestion, questionLabels, seedQuestion } from "./support/questions";

test.use({ javaScriptEnabled: false });

test("sends, edits and withdraws a question by plain form posts", async ({ page, meeting }) => {
  await openMeetingFromFrontPage(page, meeting);
  // Without scripts, the limit is said in words; there is no live counter.
  await expect(page.locator("form#question").getByText("Høyst 600 tegn.")).toBeVisible();
  await expect(page.locator("form#question .counter")).toHaveCount(0);

  await fillQuestion(page, { theme: "Trafikk og parkering", text: "x".repeat(601) });
  const [bad] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click(),
  ]);
  expect(bad.status()).toBe(400);
  await expect(page.locator("#error-summary")).toContainText("Spørsmålet kan ha høyst 600 tegn.");
  await expectNoSidewaysScroll(page, "ask page with an error, without JavaScript");

  await fillQuestion(page, {
    theme: "Trafikk og parkering",
    text: "Kommer det fortau langs veien?",
    name: "Ola",
  });
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click(),
  ]);
  expect(post.status()).toBe(302);
  await expect(page).toHaveURL(/\/question\/[A-Za-z0-9_-]{43}\?sent=1$/);
  await expect(page.locator("#question-status")).toHaveText("Venter på moderering");
  await expectNoSidewaysScroll(page, "question receipt without JavaScript");

  await page.getByLabel(questionLabels.text).fill("Kommer det fortau langs hele veien?");
  await page.getByRole("button", { name: "Lagre endringen" }).click();
  await expect(page.locator("#question-text")).toHaveText("Kommer det fortau langs hele veien?");

  // Withdrawing needs the tick.
  await page.getByRole("button", { name: "Trekk tilbake" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Kryss av for å bekrefte at du vil trekke tilbake spørsmålet.",
  );
  await page.getByLabel("Ja, jeg vil trekke tilbake spørsmålet").check();
  await page.getByRole("button", { name: "Trekk tilbake" }).click();
  await expect(page.locator("#question-status")).toHaveText("Trukket tilbake");
  await expectNoSidewaysScroll(page, "withdrawn question's receipt without JavaScript");
  await expect(page.getByRole("button", { name: "Lagre endringen" })).toHaveCount(0);
});

test("supports a question and reorders the panel's list without JavaScript", async ({
  page,
  db,
  meeting,
  createOrganiser,
}) => {
  // The shared admin fixture logs in with scripts; this organiser logs in by the plain form.
  const organiser = createOrganiser();
  await page.goto("/admin/login");
  await fillLogin(page, organiser.email, organiser.password);
  await page.getByRole("button", { name: loginLabels.submit }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
  const ids = ["Første om trafikk", "Andre om trafikk", "Tredje om trafikk"].map(
    (text) => seedQuestion(db, meeting.id, text).question.id,
  );
  await page.goto(meetingPath(meeting.id, "questions"));
  await approveInQueue(ids.map((id) => page.locator(`#q-${id}`)));
  const order = page.locator("#agenda-order .agenda-text");
  await expect(order).toHaveText(["Første om trafikk", "Andre om trafikk", "Tredje om trafikk"]);
  await page
    .locator(`#agenda-${ids[2]}`)
    .getByRole("button", { name: /^Flytt opp/ })
    .click();
  await expect(order).toHaveText(["Første om trafikk", "Tredje om trafikk", "Andre om trafikk"]);
  await page
    .locator(`#agenda-${ids[0]}`)
    .getByRole("button", { name: /^Flytt ned/ })
    .click();
  await expect(order).toHaveText(["Tredje om trafikk", "Første om trafikk", "Andre om trafikk"]);

  // The public list in the panel's order, and a support by form post.
  await page.context().clearCookies();
  await page.goto(`${meeting.path}/questions?sort=agenda`);
  await expect(page.locator(".question .question-text")).toHaveText([
    "Tredje om trafikk",
    "Første om trafikk",
    "Andre om trafikk",
  ]);
  // Without scripts nothing updates by itself, and the page says only that.
  await expect(page.locator(".live-note")).toHaveText(
    "Last inn siden på nytt for å se de siste endringene.",
  );
  await expect(page.getByText("Listen oppdateres av seg selv.")).toHaveCount(0);
  await expectNoSidewaysScroll(page, "question list without JavaScript");
  const item = page.locator(`#question-${ids[1]}`);
  await item.getByRole("button", { name: /^Jeg lurer også på dette/ }).click();
  await expect(page).toHaveURL(new RegExp(`/questions\\?sort=agenda#question-${ids[1]}$`));
  await expect(item.locator(".support-count")).toHaveText("2 lurer på dette");
  await expect(item.getByText("Du lurer også på dette")).toBeVisible();
});

test("hostile requests answer 4xx, never 500", async ({ request, meeting }) => {
  const url = `${meeting.path}/questions/new`;
  const headers = { Origin: appUrl };
  const json = await request.post(url, {
    headers: { ...headers, "Content-Type": "application/json" },
    data: "{}",
  });
  // Not a form at all: 415, as everywhere (app/platform/forms.server.ts).
  expect(json.status()).toBe(415);
  const broken = await request.post(url, {
    headers: { ...headers, "Content-Type": "multipart/form-data; boundary=nope" },
    data: "--nope\r\nbroken",
  });
  expect(broken.status()).toBe(400);
  // Without the honeypot's fields, or with the hidden field filled in: a bot, nothing stored.
  const bare = await request.post(url, {
    headers,
    form: { theme: "1", text: "Kjøp billige klokker her" },
    maxRedirects: 0,
  });
  expect(bare.status()).toBe(400);
  const bot = await request.post(url, {
    headers,
    form: {
      website: "http://spam.example",
      from__confirm: "x",
      theme: "1",
      text: "Kjøp billige klokker her",
    },
    maxRedirects: 0,
  });
  expect(bot.status()).toBe(400);
  const support = await request.post(`${meeting.path}/questions`, {
    headers,
    form: { intent: "support", questionId: "999999999" },
  });
  expect(support.status()).toBe(400);
  const unknown = await request.post(`${meeting.path}/questions`, {
    headers,
    form: { intent: "delete" },
  });
  expect(unknown.status()).toBe(400);
  expect((await request.get("/question/not-a-token")).status()).toBe(404);
  expect((await request.get(`/q/999999`)).status()).toBe(404);
});

test("the per-person limit answers 429 with Retry-After", async ({ page }) => {
  // Server 2 allows `limitedRateLimit` question posts per person (this browser's cookie); its
  // demo meeting takes questions.
  const url = `${limitedUrl}/meetings/smahus-gjosvika/questions/new`;
  let last = 0;
  for (let i = 0; i <= limitedRateLimit; i++) {
    await page.goto(url);
    await fillQuestion(page, { theme: "Annet", text: `Spørsmål nummer ${i + 1} om saken` });
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click(),
    ]);
    last = post.status();
    if (i < limitedRateLimit) expect(last).toBe(302);
    else expect(Number(post.headers()["retry-after"])).toBeGreaterThan(0);
  }
  expect(last).toBe(429);
  await expect(page.locator("#error-summary")).toContainText(
    "Du har sendt mange spørsmål på kort tid.",
  );
});
