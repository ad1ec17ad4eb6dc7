/**
 * Organisers 5: the attendee list. Registrations by phone are added by hand (no address, so no
 * mail); the list is exported as XLSX and CSV (comma and semicolon) and printed for the door.
 * The files are read back: æøå intact, and citizen text that looks like a formula stays text.
 * Every export is in the audit log.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import {
  allMail,
  expect,
  meetingPath,
  open,
  subjectStartsWith,
  test,
  waitForMails,
} from "./support/admin";
import { fillNeeds, labels, register } from "./support/rsvp";

const COLUMNS = [
  "Etternavn",
  "Fornavn",
  "E-post",
  "Telefon",
  "Antall personer",
  "Status",
  "Plass på venteliste",
  "Behov",
  "Kode",
  "Møtt",
  "Antall møtt",
  "Påmeldt",
  "Registrert av",
  "Deltar",
];

const formulaName = '=HYPERLINK("evil","x")';

async function download(page: Page, linkName: string): Promise<{ file: Download; body: Buffer }> {
  const started = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName, exact: true }).click();
  const file = await started;
  const path = await file.path();
  return { file, body: await readFile(path) };
}

type CsvRow = Record<string, string>;

function readCsv(body: Buffer, delimiter: "," | ";"): { header: string[]; rows: CsvRow[] } {
  // UTF-8 with a byte order mark (for Excel), CRLF between records.
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString("utf8");
  expect(text.split("\r\n").length).toBeGreaterThan(2);
  expect(text.match(/(?<!\r)\n/g), "line feeds without a carriage return").toBeNull();
  const records = parse(body, { bom: true, delimiter }) as string[][];
  const [header, ...data] = records;
  return {
    header: header!,
    rows: data.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""]))),
  };
}

test("adds a phone registration, exports the list three ways and prints it; all is logged", async ({
  page,
  admin,
  createMeeting,
  uniqueEmail,
  expectNoAxeViolations,
}) => {
  const meeting = createMeeting({ capacity: 20, maxPartySize: 4 });
  const ase = uniqueEmail("ase");

  // Three citizens register on the public page.
  await open(page, meeting.path);
  await register(page, {
    name: "Åse Ødegård",
    email: ase,
    needs: { accessibility: true, text: "Rullestolplass" },
  });
  await waitForMails(ase, subjectStartsWith("Påmeldt:"));
  await open(page, meeting.path);
  await register(page, { name: formulaName, email: uniqueEmail("formel") });
  await open(page, meeting.path);
  await register(page, { name: "Ivar Zahl", email: uniqueEmail("ivar") });

  await open(page, meetingPath(meeting.id));
  await expect(page.locator("#stat-registered")).toHaveText("3 / 20");
  await page.getByRole("link", { name: "Deltakere" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "attendees"));
  await expect(page.getByRole("heading", { level: 1, name: "Deltakere" })).toBeVisible();
  await expect(page.locator("#attendee-totals")).toHaveText(
    "Påmeldte personer: 3. Påmeldinger: 3. Ledige plasser: 17. Venteliste – personer: 0, påmeldinger: 0.",
  );
  const table = page.locator("#attendee-table");
  // A formula-looking name is shown as the text it is.
  await expect(table.getByRole("rowheader", { name: formulaName })).toBeVisible();
  await expectNoAxeViolations(page, "attendee list");

  // A phone call: Bjørn and his wife come, no e-mail address.
  await page.getByRole("link", { name: "Legg til påmelding" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "attendees/new"));
  await expect(page.getByRole("heading", { level: 1, name: "Legg til påmelding" })).toBeVisible();
  const form = page.locator("form#attendee");
  await expect(form.getByLabel("E-post (valgfritt)")).toHaveAccessibleDescription(
    "Uten e-post sendes ingen bekreftelse.",
  );
  await expectNoAxeViolations(page, "attendee form");
  // Name missing: the form says so and keeps the rest.
  await form.getByLabel("Telefon (valgfritt)").fill("+47 912 34 567");
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(form.getByLabel("Navn", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Telefon (valgfritt)")).toHaveValue("+47 912 34 567");
  await expectNoAxeViolations(page, "attendee form with an error");

  await form.getByLabel("Navn", { exact: true }).fill("Bjørn Æsøy");
  await form.getByLabel(labels.partySize).selectOption({ label: "2 personer" });
  await fillNeeds(form, { interpreter: true, text: "Tolk til tysk" });
  await form.getByLabel("Notat (valgfritt, bare for arrangører)").fill("Ringte 10. mars.");
  await form.getByRole("button", { name: "Lagre" }).click();
  await expect(page).toHaveURL(`${meetingPath(meeting.id, "attendees")}?done=add`);
  await expect(page.getByText("Påmeldingen er lagt til.")).toBeVisible();
  await expect(page.locator("#attendee-totals")).toHaveText(
    "Påmeldte personer: 5. Påmeldinger: 4. Ledige plasser: 15. Venteliste – personer: 0, påmeldinger: 0.",
  );
  const bjorn = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: /Bjørn Æsøy/ }) });
  await expect(bjorn.getByRole("rowheader")).toHaveText("Bjørn Æsøy (lagt inn av arrangør)");
  await expect(bjorn).toContainText("Ingen e-post");
  await expect(bjorn).toContainText("+47 912 34 567");
  await expect(bjorn).toContainText("Påmeldt");
  await expect(bjorn).toContainText("Tolk (språk eller tegnspråk). Tolk til tysk");
  // Nothing to send a confirmation to.
  await expect(bjorn.getByRole("button", { name: /Send bekreftelse på nytt/ })).toHaveCount(0);

  // Search by name and filter by status (a GET form: the URL can be bookmarked).
  await page.getByLabel("Søk etter navn, e-post eller kode").fill("æsøy");
  await page.getByLabel("Vis", { exact: true }).selectOption({ label: "Påmeldt" });
  await page.getByRole("button", { name: "Søk", exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=%C3%A6s%C3%B8y/);
  await expect(page.getByText("Påmeldinger som vises: 1.")).toBeVisible();
  await expect(table.getByRole("rowheader")).toHaveText(["Bjørn Æsøy (lagt inn av arrangør)"]);
  await expectNoAxeViolations(page, "attendee list, searched");

  // Bjørn's registration opened for a change; an empty name is refused beside the field, and
  // nothing is saved (the list below still has him as he was).
  await table.getByRole("link", { name: "Rediger Bjørn Æsøy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rediger påmelding" })).toBeVisible();
  const editForm = page.locator("form#attendee");
  await expect(editForm.getByLabel("Navn", { exact: true })).toHaveValue("Bjørn Æsøy");
  await expectNoAxeViolations(page, "attendee edit form");
  await editForm.getByLabel("Navn", { exact: true }).fill("");
  await editForm.getByRole("button", { name: "Lagre" }).click();
  await expect(page.locator("#error-summary")).toBeFocused();
  await expect(editForm.getByLabel("Navn", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expectNoAxeViolations(page, "attendee edit form with an error");

  // Åse asks for her confirmation again; mail goes out in order, so once it has arrived
  // anything queued for Bjørn would have arrived before it.
  await open(page, meetingPath(meeting.id, "attendees"));
  const aseRow = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Åse Ødegård" }) });
  await aseRow.getByRole("button", { name: "Send bekreftelse på nytt Åse Ødegård" }).click();
  await expect(page.getByText("Bekreftelsen er sendt på nytt.")).toBeVisible();
  await waitForMails(ase, subjectStartsWith("Påmeldt:"), { count: 2 });
  const aboutBjorn = (await allMail()).filter((m) =>
    `${m.subject} ${m.text}`.includes("Bjørn Æsøy"),
  );
  expect(aboutBjorn.map((m) => m.subject)).toEqual([]);

  await open(page, meetingPath(meeting.id));
  await expect(page.locator("#stat-registered")).toHaveText("5 / 20");
  await expect(page.locator("#stat-seats-left")).toHaveText("15");
  await expect(page.locator("#stat-checked-in")).toHaveText("0 / 5");
  await expect(page.getByRole("table", { name: "Påmeldte personer per dag" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Påmeldte personer per dag" }).getByRole("row").last(),
  ).toContainText("5");

  // The exports.
  await open(page, meetingPath(meeting.id, "attendees"));
  const xlsx = await download(page, "Last ned Excel (XLSX)");
  expect(xlsx.file.suggestedFilename()).toBe(`deltakere-${meeting.slug}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Deltakere");
  expect(sheet, "sheet Deltakere").toBeDefined();
  const sheetRows: unknown[][] = [];
  sheet!.eachRow((row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      // No cell is a formula, whatever the text in it.
      expect(cell.type, `cell ${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula, `cell ${cell.address}`).toBeFalsy();
      values[Number(cell.col) - 1] = cell.value;
    });
    sheetRows.push(values);
  });
  expect(sheetRows[0]).toEqual(COLUMNS);
  expect(sheetRows).toHaveLength(5);
  const byName = (rows: unknown[][], surname: string) => rows.find((r) => r[0] === surname);
  expect(byName(sheetRows, "Ødegård")?.slice(0, 8)).toEqual([
    "Ødegård",
    "Åse",
    ase,
    null,
    1,
    "Påmeldt",
    null,
    "Tilgjengelighet, for eksempel rullestolplass eller teleslynge. Rullestolplass",
  ]);
  // XLSX cells are text as typed (string cells): no stray quote before "+47".
  expect(byName(sheetRows, "Æsøy")?.slice(0, 6)).toEqual([
    "Æsøy",
    "Bjørn",
    null,
    "+47 912 34 567",
    2,
    "Påmeldt",
  ]);
  expect(byName(sheetRows, "Æsøy")?.[12]).toBe("Arrangør");
  expect(byName(sheetRows, formulaName), "the formula-looking name, as text").toBeDefined();

  for (const [linkName, delimiter] of [
    ["Last ned CSV", ","],
    ["Last ned CSV for norsk Excel (semikolon)", ";"],
  ] as const) {
    const csv = await download(page, linkName);
    expect(csv.file.suggestedFilename()).toBe(`deltakere-${meeting.slug}.csv`);
    const { header, rows } = readCsv(csv.body, delimiter);
    expect(header, linkName).toEqual(COLUMNS);
    expect(rows).toHaveLength(4);
    const aseCsv = rows.find((r) => r.Etternavn === "Ødegård");
    expect(aseCsv, `${linkName}: Åse`).toMatchObject({
      Fornavn: "Åse",
      "E-post": ase,
      "Antall personer": "1",
      Status: "Påmeldt",
      "Registrert av": "Innbygger",
      Deltar: "I salen",
      Møtt: "",
      "Antall møtt": "",
    });
    expect(
      rows.find((r) => r.Etternavn === "Æsøy"),
      `${linkName}: Bjørn`,
    ).toMatchObject({
      Fornavn: "Bjørn",
      "E-post": "",
      Telefon: "'+47 912 34 567",
      "Antall personer": "2",
      "Registrert av": "Arrangør",
    });
    const formula = rows.find((r) => r.Etternavn?.includes("HYPERLINK"));
    expect(formula?.Etternavn, `${linkName}: the formula-looking name`).toBe(`'${formulaName}`);
    // No cell at all starts with a character a spreadsheet would run.
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        expect(value, `${linkName}: ${column}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(csv.body.toString("utf8")).toContain("Åse");
  }

  // The paper list for the door: confirmed people by surname (Z, Æ, Ø, Å), a box to tick.
  await page.getByRole("link", { name: "Utskrift for innsjekking" }).click();
  await expect(page).toHaveURL(meetingPath(meeting.id, "print"));
  await expect(page.getByRole("heading", { level: 1, name: "Innsjekkingsliste" })).toBeVisible();
  await expect(
    page.getByText("5 påmeldte personer, 4 påmeldinger. Sortert etter etternavn."),
  ).toBeVisible();
  const list = page.getByRole("table");
  await expect(list.getByRole("columnheader")).toHaveText([
    "Møtt",
    "Navn",
    "Antall",
    "Kode",
    "Behov",
  ]);
  await expect(list.getByRole("rowheader")).toHaveText([
    formulaName,
    "Zahl, Ivar",
    "Æsøy, Bjørn",
    "Ødegård, Åse",
  ]);
  await expect(list.getByRole("row").nth(1).getByRole("cell").first()).toHaveText("☐");
  await expectNoAxeViolations(page, "print page");

  // The audit log (admins only) has all four, by this organiser, for this meeting.
  await open(page, "/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Logg over endringer" })).toBeVisible();
  const entries = page.getByRole("row").filter({ hasText: meeting.title });
  for (const action of ["export.xlsx", "export.csv", "export.csv-semicolon", "export.print"]) {
    const entry = entries.filter({
      has: page.getByText(action, { exact: true }),
    });
    await expect(entry, action).toHaveCount(1);
    await expect(entry).toContainText(`${admin.name} <${admin.email}>`);
  }
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "Bjørn Æsøy" })
      .filter({ has: page.getByText("registration.add", { exact: true }) }),
  ).toHaveCount(1);
  await expectNoAxeViolations(page, "audit log");
});
