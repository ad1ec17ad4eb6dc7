/**
 * Questions: filling the question form the way a person does (by its visible labels), and
 * making questions straight in server 1's database with the app's own service, for journeys
 * that start from a queue that already has questions in it.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { askQuestion, type AskInput } from "../../app/questions/questions.server";
import type { DB } from "../../db/connection";
import { appUrl } from "./paths";
import { expectNoSidewaysScroll } from "./reflow";

export const questionLabels = {
  theme: "Tema (må fylles ut)",
  text: "Spørsmålet ditt (må fylles ut)",
  name: "Navn (valgfritt)",
  showName: "Vis navnet mitt sammen med spørsmålet",
  email: "E-post (valgfritt)",
  submit: "Send spørsmålet",
} as const;

export interface QuestionInput {
  theme: string;
  text: string;
  name?: string;
  showName?: boolean;
  email?: string;
}

/** Fills form#question (on the meeting page or the ask page); does not send it. */
export async function fillQuestion(scope: Page | Locator, input: Partial<QuestionInput>) {
  const form = scope.locator("form#question");
  if (input.theme !== undefined)
    await form.getByLabel(questionLabels.theme).selectOption({ label: input.theme });
  if (input.text !== undefined) await form.getByLabel(questionLabels.text).fill(input.text);
  if (input.name !== undefined) await form.getByLabel(questionLabels.name).fill(input.name);
  if (input.showName !== undefined)
    await form.getByLabel(questionLabels.showName).setChecked(input.showName);
  if (input.email !== undefined) await form.getByLabel(questionLabels.email).fill(input.email);
}

/**
 * Fills and sends the question form; resolves on the receipt page with the private token,
 * checked for sideways scrolling at 320 px (its private link is long).
 */
export async function sendQuestion(page: Page, input: QuestionInput): Promise<string> {
  await fillQuestion(page, input);
  await page.locator("form#question").getByRole("button", { name: questionLabels.submit }).click();
  await page.waitForURL(/\/question\/[A-Za-z0-9_-]{43}\?sent=1/);
  await expect(page.locator("#receipt-link")).toBeVisible();
  await expectNoSidewaysScroll(page, "question receipt");
  return /\/question\/([A-Za-z0-9_-]{43})/.exec(page.url())![1]!;
}

/** A pending question written with the app's own service (theme "1" is the meeting's first). */
export function seedQuestion(
  db: DB,
  meetingId: number,
  text: string,
  extra: Partial<AskInput> = {},
) {
  const ctx = { db, publicUrl: appUrl, mailFrom: "Røros kommune <postmottak@roros.kommune.no>" };
  return askQuestion(
    ctx,
    meetingId,
    { themeValue: "1", text, name: null, showName: false, email: null, source: "web", ...extra },
    `seed-${Math.random()}`,
  );
}

/** The organiser approves each question in the moderation queue in turn; each leaves it. */
export async function approveInQueue(items: Locator[]) {
  for (const item of items) {
    await item.getByRole("button", { name: /^Godkjenn/ }).click();
    await expect(item).toHaveCount(0);
  }
}
