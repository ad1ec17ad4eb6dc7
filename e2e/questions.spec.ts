/**
 * Questions, with JavaScript: a citizen sends a question from the meeting page (counter,
 * privacy note, criteria), edits it through the private link; organisers approve, reject,
 * reword and merge; citizens support; the presenter view steps by keyboard while a phone in
 * the hall sends a question that reaches it live; answers are published and the asker's
 * notice arrives at the SMTP sink; "keep me updated" is confirmed, mailed and left with one
 * click; the panel's list is exported and read back. axe on every page.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import {
  expect,
  meetingPath,
  open,
  openMeetingFromFrontPage,
  receiptLinkIn,
  subjectStartsWith,
  test,
  waitForMail,
} from "./support/admin";
import { appUrl } from "./support/paths";
import { moveMeeting } from "./support/phase";
import {
  approveInQueue,
  fillQuestion,
  questionLabels,
  seedQuestion,
  sendQuestion,
} from "./support/questions";

const queueItem = (page: Page, text: string) =>
  page.locator(".queue-item").filter({ hasText: text });

test("a citizen sends a question from the meeting page and edits it while it waits", async ({
  page,
  meeting,
  expectNoAxeViolations,
}) => {
  await openMeetingFromFrontPage(page, meeting);
  const section = page.locator("section[aria-labelledby='questions-heading']");
  await expect(
    section.getByText("Ikke skriv navn eller opplysninger om andre personer"),
  ).toBeVisible();
  await expect(section.getByRole("heading", { name: "Slik modererer vi" })).toBeVisible();
  await expect(page.locator("#no-questions")).toHaveText("Ingen spørsmål er publisert ennå.");
  await expectNoAxeViolations(page, "meeting page with the question form");

  // Empty: errors beside the fields, nothing sent.
  await page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click();
  await expect(page.locator("form#question #error-summary")).toContainText("Velg et tema.");
  await expect(page.locator("form#question #error-summary")).toContainText(
    "Skriv spørsmålet ditt.",
  );

  await fillQuestion(page, { theme: "Trafikk og parkering", text: "Hvor skal" });
  await expect(page.locator("form#question .counter")).toHaveText("9 av 600 tegn");
  const token = await sendQuestion(page, {
    theme: "Trafikk og parkering",
    text: 'Hvor skal <b>bilene</b> parkere? ="1+1"',
    name: "Kari Nordmann",
  });
  await expect(page.getByText("Takk! Spørsmålet er sendt.")).toBeVisible();
  await expect(page.locator("#question-status")).toHaveText("Venter på moderering");
  // Markup is shown as the characters typed, never as markup.
  await expect(page.locator("#question-text")).toHaveText(
    'Hvor skal <b>bilene</b> parkere? ="1+1"',
  );
  await expect(page.locator("#question-text b")).toHaveCount(0);
  await expect(page.locator("#receipt-link")).toHaveAttribute(
    "href",
    `${appUrl}/question/${token}`,
  );
  await expectNoAxeViolations(page, "receipt");

  await page.getByLabel(questionLabels.text).fill("Hvor skal bilene til de ansatte parkere?");
  await page.getByRole("button", { name: "Lagre endringen" }).click();
  await expect(page.getByText("Endringen er lagret.")).toBeVisible();
  await expect(page.locator("#question-text")).toHaveText(
    "Hvor skal bilene til de ansatte parkere?",
  );

  // Not yet public.
  await open(page, `${meeting.path}/questions`);
  await expect(page.locator("#no-questions")).toBeVisible();
  // Once its live stream is open the list says it keeps itself fresh, and only that.
  await expect(page.locator(".live-note")).toHaveText("Listen oppdateres av seg selv.");
  await expect(page.getByText("Last inn siden på nytt for å se de siste endringene.")).toHaveCount(
    0,
  );
  await expectNoAxeViolations(page, "question list");
});

test("organisers approve, reject, reword and merge; citizens see only the published wording", async ({
  page,
  admin,
  db,
  meeting,
  uniqueEmail,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  const mergedAsker = uniqueEmail("merged");
  const kept = seedQuestion(db, meeting.id, "Blir det mer trafikk i Gjøsvika?").question;
  seedQuestion(db, meeting.id, "Mer trafikk i gata vår nå?", { email: mergedAsker });
  seedQuestion(db, meeting.id, "Er det Ola fra nr. 4 som flytter inn der?");
  seedQuestion(db, meeting.id, "Et spørsmål med hets som skal avvises");

  await open(page, meetingPath(meeting.id, "questions"));
  await expect(page.locator("#count-pending")).toHaveText("4");
  await expectNoAxeViolations(page, "moderation queue");

  await queueItem(page, "Blir det mer trafikk")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();
  await expect(page.locator("#count-approved")).toHaveText("1");

  const hateful = queueItem(page, "hets som skal avvises");
  await hateful.locator("summary", { hasText: "Avvis" }).click();
  // The reason category is what the public counts show; the internal reason never is.
  await hateful
    .getByLabel("Hvorfor publiseres det ikke?")
    .selectOption({ label: "hets eller personangrep" });
  await hateful.getByLabel("Intern begrunnelse (vises aldri offentlig)").fill("Hets mot naboer");
  await hateful.getByRole("button", { name: /^Avvis #/ }).click();
  await expect(page.locator("#count-rejected")).toHaveText("1");

  // Reword: the original stays for organisers only.
  await queueItem(page, "Ola fra nr. 4")
    .getByRole("link", { name: /^Rediger/ })
    .click();
  await expect(page.locator("#original-text")).toHaveText(
    "Er det Ola fra nr. 4 som flytter inn der?",
  );
  await expectNoAxeViolations(page, "question editor");
  await page.getByLabel("Publisert ordlyd").fill("Hvem skal flytte inn i småhusene?");
  await page.getByRole("button", { name: "Lagre ordlyden" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  await page.getByRole("link", { name: "Tilbake til spørsmålene" }).click();
  await queueItem(page, "Hvem skal flytte inn")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();

  // Merge the duplicate into the approved one.
  await queueItem(page, "Mer trafikk i gata")
    .getByRole("link", { name: /^Rediger/ })
    .click();
  await page.getByLabel("Slå sammen med").selectOption(String(kept.id));
  await page.getByRole("button", { name: "Slå sammen" }).click();
  await expect(page.locator("#count-merged")).toHaveText("1");
  const notice = await waitForMail(
    mergedAsker,
    subjectStartsWith("Spørsmålet ditt er slått sammen"),
  );
  expect(notice.text).toContain("Blir det mer trafikk i Gjøsvika?");

  const citizen = await browser.newContext();
  const public_ = await citizen.newPage();
  await open(public_, `${meeting.path}/questions`);
  // Most supported first: the kept question has its own asker and the merged one's.
  await expect(public_.locator(".question .question-text")).toHaveText([
    "Blir det mer trafikk i Gjøsvika?",
    "Hvem skal flytte inn i småhusene?",
  ]);
  await expect(public_.getByText("Ola fra nr. 4")).toHaveCount(0);
  await expect(public_.getByText("hets som skal avvises")).toHaveCount(0);
  await expect(public_.getByText("Hets mot naboer")).toHaveCount(0);
  // The merged question's asker counts toward the kept one.
  await expect(public_.locator(`#question-${kept.id} .support-count`)).toHaveText(
    "2 lurer på dette",
  );
  await citizen.close();
});

test("citizens support a question once each", async ({
  page,
  db,
  meeting,
  browser,
  admin,
  expectNoAxeViolations,
}) => {
  void admin;
  const { question } = seedQuestion(db, meeting.id, "Hvor mange skal bo i småhusene?");
  await open(page, meetingPath(meeting.id, "questions"));
  await queueItem(page, "Hvor mange skal bo")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();
  await expect(page.locator("#count-approved")).toHaveText("1");

  const first = await browser.newContext();
  const neighbour = await first.newPage();
  await openMeetingFromFrontPage(neighbour, meeting);
  const item = neighbour.locator(`#question-${question.id}`);
  await expect(item.locator(".support-count")).toHaveText("1 lurer på dette");
  await item.getByRole("button", { name: /^Jeg lurer også på dette/ }).click();
  await expect(item.locator(".support-count")).toHaveText("2 lurer på dette");
  await expect(item.getByText("Du lurer også på dette")).toBeVisible();
  await expectNoAxeViolations(neighbour, "meeting page after support");
  await neighbour.reload();
  await expect(item.getByRole("button", { name: /^Jeg lurer også på dette/ })).toHaveCount(0);

  // A forged second post from the same browser changes nothing.
  const again = await neighbour.request.post(`${meeting.path}/questions`, {
    form: { intent: "support", questionId: String(question.id), returnTo: meeting.path },
    headers: { Origin: appUrl },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(302);
  await neighbour.reload();
  await expect(item.locator(".support-count")).toHaveText("2 lurer på dette");

  const second = await browser.newContext();
  const other = await second.newPage();
  await openMeetingFromFrontPage(other, meeting);
  await other.getByRole("link", { name: "Se alle spørsmålene (1)" }).click();
  await expect(
    other.getByRole("heading", { level: 1, name: "Spørsmål fra innbyggerne" }),
  ).toBeFocused();
  await other
    .locator(`#question-${question.id}`)
    .getByRole("button", { name: /^Jeg lurer også på dette/ })
    .click();
  await expect(other.locator(`#question-${question.id} .support-count`)).toHaveText(
    "3 lurer på dette",
  );
  await first.close();
  await second.close();
});

test("the presenter steps by keyboard, and a question from a phone in the hall reaches it live", async ({
  page,
  db,
  meeting,
  admin,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  // The panel answers during the meeting: before it, the screen is a rehearsal.
  moveMeeting(db, meeting.id, "running");
  for (const text of ["Første spørsmål fra nabo", "Andre spørsmål fra nabo"]) {
    seedQuestion(db, meeting.id, text);
  }
  await open(page, meetingPath(meeting.id, "questions"));
  await approveInQueue(["Første spørsmål", "Andre spørsmål"].map((text) => queueItem(page, text)));

  await open(page, meetingPath(meeting.id, "present"));
  // Nothing on the screen yet: the hall is asked for its questions.
  await expect(page.locator("#presenter-idle")).toHaveText(
    "Har du et spørsmål? Send det fra mobilen.",
  );
  await expectNoAxeViolations(page, "presenter");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#presenter-question")).toHaveText("Første spørsmål fra nabo");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#presenter-question")).toHaveText("Andre spørsmål fra nabo");
  await expect(page.locator("#presenter-position")).toHaveText("Spørsmål 2 av 2");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("#presenter-question")).toHaveText("Første spørsmål fra nabo");

  // The public page marks what the panel is answering.
  const citizen = await browser.newContext();
  const publicPage = await citizen.newPage();
  await openMeetingFromFrontPage(publicPage, meeting);
  await expect(publicPage.locator("#now-answering")).toHaveText("Første spørsmål fra nabo");

  // A phone in the hall: the short link, then the form.
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mobile = await phone.newPage();
  await open(mobile, `/q/${meeting.id}`);
  await expect(
    mobile.getByRole("heading", { level: 1, name: "Send spørsmål fra salen" }),
  ).toBeVisible();
  await expectNoAxeViolations(mobile, "hall form on a phone");
  await sendQuestion(mobile, {
    theme: "Trafikk og parkering",
    text: "Spørsmål fra salen om parkering",
  });

  // Moderated on a second organiser tab; the presenter and the public list update without reloading.
  const moderator = await page.context().newPage();
  await open(moderator, meetingPath(meeting.id, "questions"));
  await expect(
    queueItem(moderator, "fra salen").getByText("fra salen", { exact: false }).first(),
  ).toBeVisible();
  await queueItem(moderator, "Spørsmål fra salen")
    .getByRole("button", { name: /^Godkjenn/ })
    .click();
  await expect(page.locator("#presenter-position")).toHaveText("Spørsmål 1 av 3", {
    timeout: 10_000,
  });
  await expect(
    publicPage.locator(".question-text", { hasText: "Spørsmål fra salen om parkering" }),
  ).toBeVisible({
    timeout: 10_000,
  });
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#presenter-question")).toHaveText("Spørsmål fra salen om parkering");
  await expect(publicPage.locator("#now-answering")).toHaveText("Spørsmål fra salen om parkering", {
    timeout: 10_000,
  });
  await citizen.close();
  await phone.close();
});

test("published answers reach the asker by mail and show on the meeting page", async ({
  page,
  admin,
  meeting,
  uniqueEmail,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  const asker = uniqueEmail("asker");
  const citizen = await browser.newContext();
  const citizenPage = await citizen.newPage();
  await openMeetingFromFrontPage(citizenPage, meeting);
  const token = await sendQuestion(citizenPage, {
    theme: "Trafikk og parkering",
    text: "Når starter byggingen?",
    email: asker,
  });
  await expect(citizenPage.getByRole("status")).toContainText(
    "Vi har også sendt lenken til e-postadressen du oppga.",
  );

  // The receipt: what was asked, and the private link, which opens the question.
  const receipt = await waitForMail(asker, subjectStartsWith("Spørsmålet ditt er mottatt:"));
  expect(receipt.subject).toBe(`Spørsmålet ditt er mottatt: ${meeting.title}`);
  expect(receipt.text).toContain("Når starter byggingen?");
  expect(receipt.text).toContain("sletter navnet og adressen din 90 dager etter møtet");
  expect(receiptLinkIn(receipt)).toBe(`${appUrl}/question/${token}`);
  const fromMail = await browser.newContext();
  const mailPage = await fromMail.newPage();
  await open(mailPage, receiptLinkIn(receipt));
  await expect(mailPage.locator("#question-status")).toHaveText("Venter på moderering");
  await expect(mailPage.locator("#question-text")).toHaveText("Når starter byggingen?");
  await expectNoAxeViolations(mailPage, "receipt opened from the mail");
  await fromMail.close();

  await open(page, meetingPath(meeting.id, "questions"));
  await approveInQueue([queueItem(page, "Når starter byggingen?")]);
  await page.getByRole("link", { name: /^Publisert/ }).click();
  await queueItem(page, "Når starter byggingen?")
    .getByRole("link", { name: /^Rediger/ })
    .click();
  await page
    .getByLabel("Skriftlig svar")
    .fill("Byggingen starter i mai.\n\nDere får brev før det.");
  await page.getByRole("button", { name: "Lagre svaret" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();

  await open(page, meetingPath(meeting.id, "answers"));
  await page
    .getByLabel("Referat", { exact: true })
    .fill("Rundt 80 kom.\n\nKommunen svarte på spørsmål om trafikk.");
  await page.getByRole("button", { name: "Lagre referatet" }).click();
  await expect(page.getByText("Lagret.")).toBeVisible();
  await expectNoAxeViolations(page, "answers and referat");

  // The slides: only a real PDF is taken.
  const upload = page.getByLabel("PDF-fil (under 5 MB)");
  await upload.setInputFiles({
    name: "lysark.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<html>ikke pdf</html>"),
  });
  await page.getByRole("button", { name: "Last opp" }).click();
  await expect(page.getByRole("alert")).toHaveText("Filen er ikke en PDF.");
  await upload.setInputFiles({
    name: "Lysark Røros.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "Last opp" }).click();
  await expect(page.getByRole("link", { name: "Lysark Røros.pdf" })).toBeVisible();

  await page.getByRole("button", { name: "Publiser svar og send varsel" }).click();
  await expect(page.locator("#published-notice")).toContainText(
    "1 varsel er lagt i utsendingskøen",
  );

  const mail = await waitForMail(asker, subjectStartsWith("Spørsmålet ditt er besvart"));
  expect(mail.text).toContain("Byggingen starter i mai.");
  expect(mail.html).toContain(`${meeting.path}/questions#question-`);

  await openMeetingFromFrontPage(citizenPage, meeting);
  await expect(citizenPage.locator(".answer")).toContainText("Byggingen starter i mai.");
  await expect(citizenPage.locator("#summary")).toContainText("Rundt 80 kom.");
  const href = await citizenPage
    .getByRole("link", { name: "Lysark Røros.pdf" })
    .getAttribute("href");
  const file = await citizenPage.request.get(href!);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(
    /^attachment; filename="Lysark Roros\.pdf"/,
  );
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  await expectNoAxeViolations(citizenPage, "meeting page with answers");
  await citizen.close();
});

test("keep me updated: confirm by mail, receive an update, leave with one click", async ({
  page,
  admin,
  meeting,
  uniqueEmail,
  browser,
  expectNoAxeViolations,
}) => {
  void admin;
  const email = uniqueEmail("subscriber");
  const citizen = await browser.newContext();
  const citizenPage = await citizen.newPage();
  await openMeetingFromFrontPage(citizenPage, meeting);
  await citizenPage.locator("form#subscribe").getByLabel("E-postadressen din").fill(email);
  await citizenPage
    .locator("form#subscribe")
    .getByRole("button", { name: "Hold meg oppdatert" })
    .click();
  await expect(citizenPage.getByRole("heading", { name: "Sjekk e-posten din" })).toBeVisible();
  await expectNoAxeViolations(citizenPage, "subscribe sent");

  const confirm = await waitForMail(email, subjectStartsWith("Bekreft abonnement"));
  const confirmLink =
    /id="confirm-link"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="confirm-link"/.exec(
      String(confirm.html),
    );
  const href = (confirmLink?.[1] ?? confirmLink?.[2])!.replaceAll("&amp;", "&");
  await open(citizenPage, href);
  await expectNoAxeViolations(citizenPage, "confirm page");
  await citizenPage.getByRole("button", { name: "Ja, hold meg oppdatert" }).click();
  await expect(citizenPage.getByRole("heading", { name: "Du får oppdateringer" })).toBeVisible();

  await open(page, meetingPath(meeting.id, "answers"));
  await expect(page.locator("#subscriber-count")).toHaveText(
    "1 har bekreftet at de vil ha oppdateringer.",
  );
  await page.getByLabel("Overskrift").fill("Byggestart utsatt");
  await page
    .getByLabel("Tekst", { exact: true })
    .fill("Byggingen starter i juni i stedet for mai.");
  await page.getByRole("button", { name: "Send oppdateringen" }).click();
  await expect(page.locator("#sent-notice")).toContainText("til 1 mottaker.");

  const update = await waitForMail(email, subjectStartsWith("Nytt om saken: Byggestart utsatt"));
  expect(update.text).toContain("Byggingen starter i juni");
  const unsubscribeUrl = /<(http[^>]+)>/.exec(
    update.headerLines.find((h) => h.key === "list-unsubscribe")!.line,
  )![1]!;
  expect(unsubscribeUrl).toContain(`${appUrl}/updates/unsubscribe/`);
  expect(update.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toContain(
    "List-Unsubscribe=One-Click",
  );

  // One click, as a mail client does it: a POST with no page and no cookies.
  const oneClick = await citizenPage.request.post(unsubscribeUrl, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);
  await open(citizenPage, unsubscribeUrl);
  await expect(
    citizenPage.getByRole("heading", { level: 1, name: "Du er meldt av" }),
  ).toBeVisible();
  await expectNoAxeViolations(citizenPage, "unsubscribed");
  await page.reload();
  await expect(page.locator("#subscriber-count")).toHaveText(
    "Ingen har bekreftet at de vil ha oppdateringer ennå.",
  );
  await citizen.close();
});

test("the panel's list is exported as XLSX and CSV, formula-safe, names only when ticked", async ({
  page,
  admin,
  db,
  meeting,
  expectNoAxeViolations,
}) => {
  void admin;
  seedQuestion(db, meeting.id, '=HYPERLINK("http://evil","klikk")', {
    name: "Per Formel",
    showName: false,
  });
  seedQuestion(db, meeting.id, "Hva koster småhusene, og hvem betaler?", {
    name: "Åse Ærlig",
    showName: true,
  });
  await open(page, meetingPath(meeting.id, "questions"));
  await approveInQueue(["HYPERLINK", "Hva koster"].map((text) => queueItem(page, text)));
  await open(page, meetingPath(meeting.id, "questions/export"));
  await expectNoAxeViolations(page, "export page");

  const xlsx = await downloadBy(page, "Last ned XLSX");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Spørsmål")!;
  expect(sheet.getRow(1).values).toEqual([undefined, "Nr.", "Tema", "Spørsmål", "Støtte", "Svar"]);
  // Text as typed, in string cells: no formula, and no stray quote (only the CSV needs one).
  const texts = [2, 3].map((r) => sheet.getRow(r).getCell(3).value);
  expect(texts).toContain(`=HYPERLINK("http://evil","klikk")`);
  expect(texts).toContain("Hva koster småhusene, og hvem betaler?");
  for (const r of [2, 3]) {
    expect(sheet.getRow(r).getCell(3).formula).toBeUndefined();
    expect(sheet.getRow(r).getCell(3).type).toBe(ExcelJS.ValueType.String);
  }

  await page.getByLabel("Ta med navn på dem som spurte (loggføres)").check();
  const csv = await downloadBy(page, "Last ned CSV (semikolon, for norsk Excel)");
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(csv.toString("utf8").slice(1), { delimiter: ";", columns: true }) as Record<
    string,
    string
  >[];
  expect(Object.keys(rows[0]!)).toEqual(["Nr.", "Tema", "Spørsmål", "Støtte", "Svar", "Spurt av"]);
  expect(rows.map((r) => r["Spurt av"]).sort()).toEqual(["Per Formel", "Åse Ærlig"]);
  expect(rows.map((r) => r["Spørsmål"])).toContain(`'=HYPERLINK("http://evil","klikk")`);

  await page.getByLabel("Ta med navn på dem som spurte (loggføres)").uncheck();
  await page.getByLabel("Mest støttet").check();
  await page.getByRole("button", { name: "Utskriftsvennlig side" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Trafikk og parkering" })).toBeVisible();
  await expect(page.locator(".print-list .question-text")).toHaveCount(2);
  await expect(page.getByText("Per Formel")).toHaveCount(0);
  await expectNoAxeViolations(page, "printable panel list");

  await open(page, "/admin/audit");
  await expect(page.getByText("questions.export.csv-semicolon.withNames").first()).toBeVisible();
  await expect(page.getByText("questions.export.print", { exact: true }).first()).toBeVisible();
});

test("with JavaScript, the panel's order can also be dragged", async ({
  page,
  admin,
  db,
  meeting,
}) => {
  void admin;
  const ids = ["Dra A", "Dra B", "Dra C"].map(
    (text) => seedQuestion(db, meeting.id, `${text} spørsmål`).question.id,
  );
  await open(page, meetingPath(meeting.id, "questions"));
  await approveInQueue(ids.map((id) => page.locator(`#q-${id}`)));
  const order = page.locator("#agenda-order .agenda-text");
  await expect(order).toHaveText(["Dra A spørsmål", "Dra B spørsmål", "Dra C spørsmål"]);
  await page.locator(`#agenda-${ids[2]}`).dragTo(page.locator(`#agenda-${ids[0]}`));
  await expect(order).toHaveText(["Dra C spørsmål", "Dra A spørsmål", "Dra B spørsmål"]);
  // Stored, not only shown.
  await page.reload();
  await expect(order).toHaveText(["Dra C spørsmål", "Dra A spørsmål", "Dra B spørsmål"]);
});

async function downloadBy(page: Page, button: string): Promise<Buffer> {
  const started = page.waitForEvent("download");
  await page.getByRole("button", { name: button, exact: true }).click();
  const file = await started;
  return readFile(await file.path());
}
