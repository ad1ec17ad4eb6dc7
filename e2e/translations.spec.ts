/**
 * South Sámi readiness (issue 18 §2): an organiser downloads the translator's file from
 * "Språk", a file that would break a message is refused with its rows, the filled file comes
 * back, and citizens can then choose Åarjelsaemien: the two translated texts show in it, the
 * rest in bokmål; the reader then walks every citizen page in South Sámi, axe-checked. At
 * the end the texts are removed again, so other journeys running at the
 * same time see the usual three languages.
 */
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Page } from "@playwright/test";
import { expect, logIn, open, openMeetingFromFrontPage, test } from "./support/admin";
import { walkCitizenPages } from "./support/citizen-walk";

const switcher = (page: Page) => page.getByRole("navigation", { name: "Språk" });

async function downloadCsv(page: Page): Promise<string[][]> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV med komma" }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("oversettelse-sma.csv");
  return parse(fs.readFileSync((await file.path())!, "utf8"), { bom: true }) as string[][];
}

async function upload(page: Page, rows: string[][]) {
  const section = page.getByRole("region", { name: "Åarjelsaemien" });
  await section.getByLabel("Fil (.xlsx eller .csv)").setInputFiles({
    name: "oversettelse-sma.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(stringify(rows, { bom: true })),
  });
  await section.getByRole("button", { name: "Last opp" }).click();
}

test("a translator's file round trip: refused with its rows, then South Sámi for citizens with bokmål for the rest", async ({
  page,
  admin,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  void admin;
  const meeting = createMeeting({ capacity: 40 });
  await open(page, "/admin");
  await page
    .getByRole("navigation", { name: "Arrangørmeny" })
    .getByRole("link", { name: "Språk" })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Språk for innbyggerne" }),
  ).toBeVisible();
  await expect(page.locator("#status-sma")).toContainText("Ingen av");
  await expectNoAxeViolations(page, "translations page, nothing translated");

  const rows = await downloadCsv(page);
  expect(rows[0]).toEqual(["Nøkkel", "Form", "Bokmål", "Oversettelse"]);
  const row = (key: string) => rows.findIndex((r) => r[0] === key);
  expect(rows[row("meeting.seatsLeft")]![2]).toBe("{left} av {capacity} plasser er ledige.");

  // A lost placeholder would break the sentence: the whole file is refused, with its row.
  rows[row("meeting.seatsLeft")]![3] = "{left} sijjieh leah gåarede.";
  rows[row("rsvp.partySize")]![3] = "Man gellie båetieh?";
  await upload(page, rows);
  const problems = page.locator("#translation-problems");
  await expect(problems).toContainText(
    `Rad ${row("meeting.seatsLeft") + 1}: Teksten for «meeting.seatsLeft» mangler plassholderen {capacity}.`,
  );
  await expect(page.locator("#status-sma")).toContainText("Ingen av");
  await expectNoAxeViolations(page, "translations page, a file refused");

  rows[row("meeting.seatsLeft")]![3] = "{left} {capacity} sijjijste leah gåarede.";
  await upload(page, rows);
  await expect(page.getByRole("status")).toHaveText("Fila er lastet opp: 2 tekster er oversatt.");
  await expect(page.locator("#status-sma")).toContainText("2 av");
  await page.getByText(/^Tekster som mangler/).click();
  const missing = page.getByRole("region", { name: /^Tekster som mangler/ });
  await expect(missing.getByRole("cell", { name: "site.name", exact: true })).toBeVisible();
  await expect(missing.getByRole("cell", { name: "rsvp.partySize", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page, "translations page, two texts translated");

  // A citizen finds the language in the switcher and reads the two texts in it.
  try {
    await openMeetingFromFrontPage(page, meeting);
    const sami = switcher(page).getByRole("link", { name: "Åarjelsaemien" });
    await expect(sami).toHaveAttribute("lang", "sma");
    await sami.click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sma");
    await expect(page.locator("#seats")).toHaveText("40 40 sijjijste leah gåarede.");
    await expect(page.getByLabel("Man gellie båetieh?")).toBeVisible();
    // The rest is bokmål, the dates too.
    await expect(page.getByRole("heading", { level: 2, name: "Meld deg på" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeAttached();
    // The page's scripts run with the same texts: a field error renders without changing them.
    await page.getByRole("button", { name: /Meld meg på/ }).click();
    await expect(page.getByLabel("Man gellie båetieh?")).toBeVisible();
    await expect(page.locator("#seats")).toHaveText("40 40 sijjijste leah gåarede.");
    await expectNoAxeViolations(page, "meeting page in South Sámi");
    // Every other citizen page in South Sámi, as a reader goes on from the front page.
    await page.getByRole("link", { name: "Folkemøter i Røros kommune" }).click();
    const check = async (what: string) => {
      await expect(page.locator("html")).toHaveAttribute("lang", "sma");
      await expectNoAxeViolations(page, `${what} in South Sámi`);
    };
    await expect(
      page.getByRole("heading", { level: 1, name: "Kommende folkemøter" }),
    ).toBeVisible();
    await check("front page");
    await walkCitizenPages(page, { meeting, label: "sma", uniqueEmail, check });
    await switcher(page).getByRole("link", { name: "Bokmål" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  } finally {
    await open(page, "/admin/translations");
    await page.getByRole("button", { name: "Fjern alle tekstene for Åarjelsaemien" }).click();
  }
  await expect(page.getByRole("status")).toContainText("Alle tekstene for språket er fjernet");
  await open(page, meeting.path);
  await expect(switcher(page).getByRole("link", { name: "Åarjelsaemien" })).toHaveCount(0);
});

test("an organiser who is not an administrator downloads the file and sees what is missing, but cannot upload", async ({
  page,
  createOrganiser,
  expectNoAxeViolations,
}) => {
  const organiser = createOrganiser();
  await logIn(page, organiser);
  await page
    .getByRole("navigation", { name: "Arrangørmeny" })
    .getByRole("link", { name: "Språk" })
    .click();
  const section = page.getByRole("region", { name: "Åarjelsaemien" });
  await expect(
    section.getByText("Bare administratorer kan laste opp oversettelser."),
  ).toBeVisible();
  await expect(section.getByLabel("Fil (.xlsx eller .csv)")).toHaveCount(0);
  const rows = await downloadCsv(page);
  expect(rows.length).toBeGreaterThan(100);
  await expectNoAxeViolations(page, "translations page for an organiser");
});
