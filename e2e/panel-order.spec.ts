/**
 * The panel's exports follow the order the organiser chose for the panel. Until one is chosen
 * the print groups the questions by theme; once the organiser moves a question, the CSV and the
 * print list them in that order, numbered as the projector numbers them.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, logIn, test } from "./support/admin";
import { approveInQueue, seedQuestion } from "./support/questions";

const queueItem = (page: Page, text: string) =>
  page.locator(".queue-item").filter({ hasText: text });

async function downloadCsv(page: Page) {
  const started = page.waitForEvent("download");
  await page.getByRole("button", { name: "Last ned CSV", exact: true }).click();
  const body = await readFile((await (await started).path())!);
  return (
    parse(body.toString("utf8").replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[]
  ).map((r) => `${r["Nr."]} ${r["Tema"]}: ${r["Spørsmål"]}`);
}

test("the panel's export and print follow the order the organiser chose", async ({
  page,
  db,
  createOrganiser,
  createMeeting,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({
    themes: [
      { title: "Trafikk og parkering", description: "" },
      { title: "Bolig", description: "" },
      { title: "Annet", description: "" },
    ],
  });
  const ids = [
    seedQuestion(db, meeting.id, "Hvor skal bilene stå?", { themeValue: "1" }),
    seedQuestion(db, meeting.id, "Hvem får bo i småhusene?", { themeValue: "2" }),
    seedQuestion(db, meeting.id, "Blir det mer trafikk om morgenen?", { themeValue: "1" }),
  ].map((asked) => asked.question.id);

  await logIn(page, createOrganiser());
  await page.getByRole("link", { name: meeting.title }).click();
  await page.getByRole("link", { name: /^Spørsmål/ }).click();
  await approveInQueue(
    ["Hvor skal bilene", "Hvem får bo", "Blir det mer trafikk"].map((t) => queueItem(page, t)),
  );

  // No order chosen yet: grouped by theme, each question with its place in the panel's order.
  await page.getByRole("link", { name: "Eksport for panelet" }).click();
  await expect(page.locator("#order-hint")).toHaveText(
    "Panelets rekkefølge er ikke satt ennå, så spørsmålene grupperes etter tema. Flytt spørsmål under «Rekkefølge for panelet» for å bestemme den.",
  );
  await expectNoAxeViolations(page, "export page, no order chosen");
  await page.getByRole("button", { name: "Utskriftsvennlig side" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Trafikk og parkering",
    "Bolig",
  ]);
  await expect(page.locator(".question-number")).toHaveText(["Nr. 1", "Nr. 3", "Nr. 2"]);
  await page.goBack();

  // The organiser moves the morning traffic question up, before housing.
  await page.getByRole("link", { name: "Tilbake til spørsmålene" }).click();
  const order = page.locator("#agenda-order .agenda-text");
  await page.getByRole("button", { name: `Flytt opp #${ids[2]}` }).click();
  await expect(order).toHaveText([
    "Hvor skal bilene stå?",
    "Blir det mer trafikk om morgenen?",
    "Hvem får bo i småhusene?",
  ]);

  await page.getByRole("link", { name: "Eksport for panelet" }).click();
  await expect(page.locator("#order-hint")).toHaveText(
    "Du har satt panelets rekkefølge, og eksporten følger den.",
  );
  expect(await downloadCsv(page)).toEqual([
    "1 Trafikk og parkering: Hvor skal bilene stå?",
    "2 Trafikk og parkering: Blir det mer trafikk om morgenen?",
    "3 Bolig: Hvem får bo i småhusene?",
  ]);
  await page.getByRole("button", { name: "Utskriftsvennlig side" }).click();
  await expect(page.locator("#print-order")).toHaveText(
    "I panelets rekkefølge. Nr. er plassen i rekkefølgen, som på skjermen.",
  );
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(0);
  await expect(page.locator(".print-list > li")).toHaveText([
    /^Nr\. 1 · Trafikk og parkering\s*Hvor skal bilene stå\?/,
    /^Nr\. 2 · Trafikk og parkering\s*Blir det mer trafikk om morgenen\?/,
    /^Nr\. 3 · Bolig\s*Hvem får bo i småhusene\?/,
  ]);
  await expectNoAxeViolations(page, "print in the panel's order");
});
