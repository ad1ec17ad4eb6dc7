/**
 * A meeting's own texts in several languages (issue 18 §3): the organiser writes the title and
 * agenda in nynorsk and the title and practical information in English from the dashboard; a
 * nynorsk reader finds them from the front page, with what was not written shown in bokmål and
 * marked `lang="nb"`; an English sign-up's mail and calendar carry the English texts.
 */
import type { Page } from "@playwright/test";
import {
  expect,
  meetingPath,
  open,
  openMeetingFromFrontPage,
  test,
  waitForMail,
} from "./support/admin";
import { calendarParts } from "./support/mail";
import { sentPage } from "./support/rsvp";

const switcher = (page: Page) => page.getByRole("navigation", { name: /^(Språk|Language)$/ });

test("the organiser writes nynorsk and English texts; readers and an English mail get them, bokmål marked where missing", async ({
  page,
  admin,
  browser,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  void admin;
  const meeting = createMeeting({ capacity: 20, whatToBring: "Ta med spørsmålene dine." });
  const nnTitle = `Møte om nærmiljøet, på nynorsk ${meeting.slug.slice(-6)}`;
  const enTitle = `Meeting about the neighbourhood ${meeting.slug.slice(-6)}`;

  await open(page, "/admin");
  await page.getByRole("link", { name: meeting.title }).first().click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath(meeting.id)}$`));
  const texts = page.getByRole("region", { name: "Møtetekstene på andre språk" });
  await expect(texts.locator("#meeting-texts")).toContainText("Nynorsk (ikke skrevet)");
  await texts.getByRole("link", { name: "Nynorsk" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Møtetekstene på nynorsk" }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "meeting texts in nynorsk, empty");

  // The agenda needs a line per bokmål item: two lines for three items is refused.
  await page.getByLabel("Tittel").fill(nnTitle);
  await page.getByLabel("Program").fill("Velkomen\nOrientering frå kommunen");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.locator("#meeting-texts-nn-agenda-error")).toContainText(
    "Programmet må ha 3 linjer",
  );
  await expectNoAxeViolations(page, "meeting texts with an error");
  await page.getByLabel("Program").fill("Velkomen\nOrientering frå kommunen\nSpørsmål og dialog");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status")).toHaveText("Møtetekstene på nynorsk er lagret.");
  await expect(page.getByLabel("Tittel")).toHaveValue(nnTitle);

  await page
    .getByRole("navigation", { name: "Språk for møtetekstene" })
    .getByRole("link", { name: "English" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Møtetekstene på engelsk" }),
  ).toBeVisible();
  await expect(page.getByLabel("Tittel")).toHaveValue("");
  await page.getByLabel("Tittel").fill(enTitle);
  await page.getByLabel("Praktisk informasjon").fill("Bring your questions.");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status")).toHaveText("Møtetekstene på engelsk er lagret.");
  await page.getByRole("link", { name: "Tilbake til møtet" }).click();
  await expect(texts.locator("#meeting-texts")).toContainText("Nynorsk (skrevet)");
  await expect(texts.locator("#meeting-texts")).toContainText("English (skrevet)");

  // A nynorsk reader, from the front page.
  const reader = await browser.newPage();
  try {
    await reader.goto("/");
    await switcher(reader).getByRole("link", { name: "Nynorsk" }).click();
    const listed = reader.getByRole("heading", { level: 2, name: nnTitle });
    await expect(listed).toBeVisible();
    await expect(listed).not.toHaveAttribute("lang");
    await listed.getByRole("link").click();
    const title = reader.getByRole("heading", { level: 1, name: nnTitle });
    await expect(title).toBeVisible();
    await expect(title).not.toHaveAttribute("lang");
    await expect(reader.locator("ol.agenda")).not.toHaveAttribute("lang");
    await expect(reader.locator("ol.agenda li").nth(1)).toHaveText("18.45Orientering frå kommunen");
    // Not written in nynorsk: bokmål, and marked so.
    await expect(reader.locator(".description")).toHaveAttribute("lang", "nb");
    await expect(reader.locator(".description")).toContainText("Kommunen orienterer om planene");
    await expect(reader.getByText("Ta med spørsmålene dine.")).toHaveAttribute("lang", "nb");
    await expectNoAxeViolations(reader, "meeting page in nynorsk with nynorsk texts");
  } finally {
    await reader.close();
  }

  // An English reader signs up: the mail and its invitation are in English where written.
  const email = uniqueEmail("meeting-texts-en");
  const english = await browser.newPage();
  try {
    await openMeetingFromFrontPage(english, meeting);
    await switcher(english).getByRole("link", { name: "English" }).click();
    await expect(english.getByRole("heading", { level: 1, name: enTitle })).toBeVisible();
    await expect(english.locator(".description")).toHaveAttribute("lang", "nb");
    await expectNoAxeViolations(english, "meeting page in English with English texts");
    const form = english.locator("form#rsvp");
    await form.getByLabel("Name (required)").fill("Anna Smith");
    await form.getByLabel("Email (required)").fill(email);
    await form
      .getByLabel(
        "I have read the privacy notice and agree that my details are used to plan the meeting. (required)",
      )
      .check();
    await form.getByRole("button", { name: "Sign me up" }).click();
    await expect(english).toHaveURL(sentPage);
  } finally {
    await english.close();
  }
  const mail = await waitForMail(email);
  expect(mail.subject).toContain(enTitle);
  expect(mail.html).toContain("Bring your questions.");
  // The agenda was not written in English: bokmål, marked.
  expect(mail.html).toMatch(/lang="nb"[^>]*>[\s\S]*?Orientering fra kommunen/);
  const invite = calendarParts(mail).attachment!.content.toString("utf8");
  expect(invite.replace(/\r\n /g, "")).toContain(`SUMMARY:${enTitle}`);
});
