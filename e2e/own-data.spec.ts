/**
 * A citizen's own data (issue 18 §4): from the personal link in their mail, a person sees
 * everything held about them, downloads it as JSON (exactly their data, no one else's) and
 * deletes it: the seat goes to the waitlist and nothing of them is left in the database. The
 * question receipt link does the same for one question; without JavaScript too.
 */
import fs from "node:fs";
import {
  expect,
  expectNoSidewaysScroll,
  manageLinkIn,
  newDevice,
  openMeetingFromFrontPage,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";
import { register } from "./support/rsvp";
import { sendQuestion } from "./support/questions";

test("sees, downloads and deletes their own data through the personal link", async ({
  page,
  browser,
  db,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 2 });
  const own = uniqueEmail("egne-data");
  const other = uniqueEmail("nabo");
  // Words only this test writes, so the database check below cannot catch other tests' rows.
  const need = `Tegnspråktolk ${meeting.slug}`;

  // Ingrid signs up for both seats and asks a question with the same address.
  await openMeetingFromFrontPage(page, meeting);
  await sendQuestion(page, {
    theme: "Trafikk og parkering",
    text: "Kommer det fortau langs Gjøsvikveien?",
    name: "Ingrid Innsyn",
    email: own,
  });
  await openMeetingFromFrontPage(page, meeting);
  await register(page, {
    name: "Ingrid Innsyn",
    email: own,
    partySize: 2,
    needs: { interpreter: true, text: need },
  });
  // Her neighbour Nils waits for a seat, on his own phone.
  const phone = await newDevice(browser);
  const nils = await phone.newPage();
  await openMeetingFromFrontPage(nils, meeting);
  await register(nils, { name: "Nils Nabo", email: other, partySize: 1 });
  await expect(nils.locator("#registration-status")).toContainText("Venteliste");

  await page.getByRole("link", { name: "Se alle opplysningene vi har om deg" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opplysningene vi har om deg");
  const registration = page.locator("section", { has: page.locator("#own-registration") });
  await expect(registration.locator('[data-field="name"]')).toHaveText("Ingrid Innsyn");
  await expect(registration.locator('[data-field="needs"]')).toContainText(need);
  await expect(registration.locator('[data-field="createdAt"]')).toHaveText(
    /^\p{L}+dag \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d$/u,
  );
  await expect(page.locator("#own-question-1")).toContainText("Kommer det fortau");
  await expect(page.locator("#own-mail-table tbody tr")).toHaveCount(2);
  await expect(page.getByText("Nils Nabo")).toHaveCount(0);
  await expectNoAxeViolations(page, "own data page (personal link)");

  // The download holds exactly her data.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Last ned opplysningene (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`opplysninger-${meeting.slug}.json`);
  const file = fs.readFileSync((await download.path())!, "utf8");
  const data = JSON.parse(file) as {
    registration: { name: string; email: string; partySize: number };
    questions: { text: string; askerEmail: string }[];
    mail: { toAddress: string; template: string }[];
  };
  expect(data.registration).toMatchObject({ name: "Ingrid Innsyn", email: own, partySize: 2 });
  expect(data.questions).toMatchObject([
    { text: "Kommer det fortau langs Gjøsvikveien?", askerEmail: own },
  ]);
  expect(data.mail.map((m) => m.toAddress)).toEqual([own, own]);
  expect(file).not.toContain("Nils");
  expect(file).not.toContain(other);

  // Deleting asks for a tick first.
  const erase = page.getByRole("button", { name: "Slett opplysningene mine" });
  await erase.click();
  await expect(page.getByRole("alert")).toContainText("Kryss av for at du forstår");
  await page.getByLabel("Jeg forstår at opplysningene slettes for godt").check();
  await erase.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opplysningene dine er slettet");
  await expectNoSidewaysScroll(page, "data erased page");
  await expectNoAxeViolations(page, "data erased page");

  // The privacy page, from the footer, says how.
  await page.getByRole("contentinfo").getByRole("link", { name: "Personvern" }).click();
  await expect(page.locator("#rights-use")).toContainText("«Se alle opplysningene vi har om deg»");

  // Nils gets a seat; Ingrid is sent nothing more.
  await waitForMail(other, subjectStartsWith("Du har fått plass"));
  await nils.reload();
  await expect(nils.locator("#registration-status")).toHaveText("Påmeldt");
  await phone.close();

  // Nothing of her is left: not in registrations, questions, the outbox or the log.
  const tables = ["registrations", "questions", "outbox", "case_subscriptions", "audit_log"];
  const raw = tables
    .map((table) => JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()))
    .join("");
  for (const trace of ["Ingrid Innsyn", own, need]) {
    expect(raw).not.toContain(trace);
  }
  const questionsLeft = db
    .prepare("SELECT count(*) AS n FROM questions WHERE meeting_id = ?")
    .get(meeting.id) as { n: number };
  expect(questionsLeft.n).toBe(0);
  // Her link is gone.
  const mail = await waitForMail(own, subjectStartsWith("Påmeldt:"));
  const gone = await page.goto(manageLinkIn(mail));
  expect(gone?.status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a question's receipt link shows and deletes that question", async ({
    page,
    meeting,
    db,
  }) => {
    await openMeetingFromFrontPage(page, meeting);
    const token = await sendQuestion(page, {
      theme: "Annet",
      text: "Hvor mange skal bo i småhusene?",
      name: "Kåre Kvittering",
    });
    await page.getByRole("link", { name: "Se alle opplysningene vi har om deg" }).click();
    await expect(page.locator("#own-question-1")).toContainText("Hvor mange skal bo");
    await expect(page.locator("#own-question-1 [data-field='askerName']")).toHaveText(
      "Kåre Kvittering",
    );
    await expect(page.locator("#own-registration")).toHaveCount(0);
    await expectNoSidewaysScroll(page, "own data page (receipt link)");

    // The file, fetched as the link would be.
    const json = await page.request.get(`/question/${token}/data.json`);
    expect(json.headers()["cache-control"]).toContain("no-store");
    expect(await json.json()).toMatchObject({
      registration: null,
      questions: [{ text: "Hvor mange skal bo i småhusene?", askerName: "Kåre Kvittering" }],
    });

    await page.getByLabel("Jeg forstår at opplysningene slettes for godt").check();
    await page.getByRole("button", { name: "Slett opplysningene mine" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Opplysningene dine er slettet",
    );
    // Never published, so gone entirely.
    const left = db
      .prepare("SELECT count(*) AS n FROM questions WHERE meeting_id = ?")
      .get(meeting.id) as { n: number };
    expect(left.n).toBe(0);
    expect((await page.goto(`/question/${token}`))?.status()).toBe(404);
  });
});

test("the question's data page passes axe", async ({ page, meeting, expectNoAxeViolations }) => {
  await openMeetingFromFrontPage(page, meeting);
  await sendQuestion(page, { theme: "Annet", text: "Når starter byggingen?" });
  await page.getByRole("link", { name: "Se alle opplysningene vi har om deg" }).click();
  await expect(page.locator("#own-question-1")).toContainText("Når starter byggingen?");
  await expectNoAxeViolations(page, "own data page (receipt link)");
});
