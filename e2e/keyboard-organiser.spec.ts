/**
 * The organiser's moderation and the presenter by keyboard alone (issue 18): approve and
 * reject in the queue, then run the screen in the hall from the control view and the
 * projector window, pressing only keys. Every step checks where focus is, so a button that
 * takes focus away with it, or an unreachable control, fails the test.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, meetingPath, open, test } from "./support/admin";
import { moveMeeting } from "./support/phase";
import { seedQuestion } from "./support/questions";

/** Presses Tab (or `key`) until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40, key = "Tab") {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const queueItem = (page: Page, text: string) =>
  page.locator(".queue-item").filter({ hasText: text });

test("an organiser moderates questions and runs the presenter with the keyboard alone", async ({
  page,
  admin,
  db,
  meeting,
  expectNoAxeViolations,
}) => {
  void admin;
  moveMeeting(db, meeting.id, "running");
  const first = seedQuestion(db, meeting.id, "Kommer det fartsdumper i Gjøsvika?").question;
  const hateful = seedQuestion(db, meeting.id, "Et spørsmål med hets som skal avvises").question;
  seedQuestion(db, meeting.id, "Hvor mange skal bo i småhusene?");

  await open(page, meetingPath(meeting.id, "questions"));
  await expect(page.locator("#count-pending")).toHaveText("3");

  // From the top: the skip link, then into the queue.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Approve the first question. It leaves the queue; focus stays in the queue, on the
  // question that took its place, not on the page's top.
  await tabTo(page, page.getByRole("button", { name: `Godkjenn #${first.id}` }));
  await page.keyboard.press("Enter");
  await expect(page.locator("#count-approved")).toHaveText("1");
  await expect(queueItem(page, "fartsdumper")).toHaveCount(0);
  await expect(queueItem(page, "hets som skal avvises")).toBeFocused();

  // Reject the next: open "Avvis", pick the reason category, type the reason, send, all from
  // the keyboard.
  const rejecting = queueItem(page, "hets som skal avvises");
  const rejectToggle = rejecting.locator("summary");
  await tabTo(page, rejectToggle, 10);
  await page.keyboard.press("Enter");
  const category = rejecting.getByLabel("Hvorfor publiseres det ikke?");
  await expect(category).toBeVisible();
  await tabTo(page, category, 3);
  // A closed select takes typed letters: "hets" picks "hets eller personangrep".
  await page.keyboard.type("hets");
  await expect(category).toHaveValue("abusive");
  const reason = rejecting.getByLabel("Intern begrunnelse (vises aldri offentlig)");
  await tabTo(page, reason, 3);
  await page.keyboard.type("Hets mot naboer");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Avvis #${hateful.id}` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#count-rejected")).toHaveText("1");
  await expect(queueItem(page, "Hvor mange skal bo")).toBeFocused();

  // The last one: Enter on its approve button, reached from the item itself.
  await tabTo(page, page.getByRole("button", { name: /^Godkjenn #/ }), 5);
  await page.keyboard.press("Enter");
  await expect(page.locator("#count-approved")).toHaveText("2");
  await expect(page.locator("#count-pending")).toHaveText("0");
  await expectNoAxeViolations(page, "moderation queue emptied by keyboard");

  // The screen in the hall: the control view is a link away, the projector a window away.
  await expect(page.locator("#queue-heading")).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Styr skjermen i salen" }), 20, "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Skjermen i salen" })).toBeFocused();
  await tabTo(page, page.getByRole("button", { name: "Neste" }), 10);
  await page.keyboard.press("Enter");
  await expect(page.locator("#control-now")).toContainText("Kommer det fartsdumper");
  await expect(page.getByRole("button", { name: "Neste" })).toBeFocused();

  const projectorOpening = page.context().waitForEvent("page");
  await tabTo(page, page.getByRole("link", { name: /^Åpne projektorvisningen/ }), 10, "Shift+Tab");
  await page.keyboard.press("Enter");
  const projector = await projectorOpening;
  await projector.waitForFunction(() => window.history.scrollRestoration === "manual");
  await expect(projector.locator("#presenter-question")).toHaveText(
    "Kommer det fartsdumper i Gjøsvika?",
  );
  await projector.keyboard.press("ArrowRight");
  await expect(projector.locator("#presenter-question")).toHaveText(
    "Hvor mange skal bo i småhusene?",
  );
  await expect(projector.locator("#presenter-position")).toHaveText("Spørsmål 2 av 2");
  await projector.keyboard.press("ArrowLeft");
  await expect(projector.locator("#presenter-question")).toHaveText(
    "Kommer det fartsdumper i Gjøsvika?",
  );
  await expectNoAxeViolations(projector, "presenter stepped by keyboard");

  // The one-screen operator's way back is the first Tab on the projector.
  await projector.keyboard.press("Tab");
  const back = projector.getByRole("link", { name: "Til kontrollvisningen" });
  await expect(back).toBeFocused();
  await projector.keyboard.press("Enter");
  await expect(
    projector.getByRole("heading", { level: 1, name: "Skjermen i salen" }),
  ).toBeVisible();
  await expect(projector.locator("#control-now")).toContainText("Kommer det fartsdumper");
});
