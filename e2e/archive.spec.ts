/**
 * Archive before erasure (issue 18 §5): from the meeting's dashboard the organiser downloads
 * the archive package as PDF, CSV and JSON. It opens (the PDF parses, the CSV has the questions)
 * and carries no personal data unless the organiser ticks for it; the dashboard then says the
 * meeting was archived before its erasure date.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import type { Page } from "@playwright/test";
import { expect, meetingPath, open, randomSuffix, test } from "./support/admin";
import { moveMeeting } from "./support/phase";
import { seedQuestion } from "./support/questions";
import { register } from "./support/rsvp";

async function download(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), body: fs.readFileSync((await file.path())!) };
}

test("downloads the archive package without personal data, and with it when chosen", async ({
  page,
  admin,
  db,
  meeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  void admin;
  const email = uniqueEmail("arkiv");
  await open(page, meeting.path);
  await register(page, { name: "Arne Arkivar", email, partySize: 2 });
  const { question } = seedQuestion(db, meeting.id, "Hvor skal bilene parkere?", {
    name: "Arne Arkivar",
    email,
  });
  db.prepare("UPDATE questions SET status = 'approved', answer = ? WHERE id = ?").run(
    "Bak sykehjemmet.",
    question.id,
  );

  await open(page, "/admin");
  await page.getByRole("link", { name: meeting.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath(meeting.id)}$`));
  const archive = page.getByRole("region", { name: "Arkiv" });
  await expect(archive.locator("#archive-status")).toContainText("Ikke arkivert ennå");
  await expectNoAxeViolations(page, "dashboard with the archive section");

  const pdf = await download(page, "Last ned som PDF");
  expect(pdf.name).toBe(`arkiv-${meeting.slug}.pdf`);
  const doc = await PDFDocument.load(pdf.body);
  expect(doc.getTitle()).toBe(`Arkiv: ${meeting.title}`);

  const csv = await download(page, "Spørsmålene som CSV");
  const rows = parse(csv.body.toString("utf8"), { bom: true, columns: true }) as Record<
    string,
    string
  >[];
  expect(rows).toMatchObject([{ Spørsmål: "Hvor skal bilene parkere?", Svar: "Bak sykehjemmet." }]);

  const json = await download(page, "Alt som JSON");
  const content = JSON.parse(json.body.toString("utf8"));
  expect(content.attendance.registeredPeople).toBe(2);
  for (const body of [csv.body.toString("utf8"), json.body.toString("utf8")]) {
    expect(body).not.toContain("Arne");
    expect(body).not.toContain(email);
  }

  // With the tick, the attendee list comes along, and the file says so in its name.
  await archive.getByLabel("Ta med personopplysninger (deltakerlisten og hvem som spurte)").check();
  const personal = await download(page, "Alt som JSON");
  expect(personal.name).toBe(`arkiv-${meeting.slug}-med-personopplysninger.json`);
  expect(JSON.parse(personal.body.toString("utf8")).attendees).toMatchObject([
    { name: "Arne Arkivar", email },
  ]);

  await page.reload();
  await expect(archive.locator("#archive-status")).toContainText("Arkivpakke lastet ned");
  await expect(archive.locator("#archive-status")).toContainText("før slettingen");
});

test("the archive section in every state of a meeting, on a phone", async ({
  page,
  admin,
  db,
  createMeeting,
  expectNoAxeViolations,
}) => {
  void admin;
  await page.setViewportSize({ width: 390, height: 844 });
  const states = ["draft", "upcoming", "running", "ended", "cancelled"] as const;
  for (const state of states) {
    const meeting = createMeeting({ capacity: 8, title: `Arkivmøte ${state} ${randomSuffix()}` });
    if (state === "draft" || state === "cancelled") {
      db.prepare("UPDATE meetings SET status = ? WHERE id = ?").run(state, meeting.id);
    }
    if (state === "running" || state === "ended") moveMeeting(db, meeting.id, state);
    await open(page, meetingPath(meeting.id));
    const archive = page.getByRole("region", { name: "Arkiv" });
    await expect(archive.locator("#archive-status")).toContainText("Ikke arkivert ennå");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      archive.getByRole("button", { name: "Alt som JSON" }).click(),
    ]);
    const content = JSON.parse(fs.readFileSync((await file.path())!, "utf8"));
    expect(content.meeting.title).toBe(meeting.title);
    await page.reload();
    await expect(archive.locator("#archive-status")).toContainText("Arkivpakke lastet ned");
    await expectNoAxeViolations(page, `dashboard's archive section, ${state}, 390 px`);
  }
});
