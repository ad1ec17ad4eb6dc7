import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import type { Organiser } from "../../db/organisers";
import { openDatabase } from "../../db/connection";
import { replaceTranslations } from "../../db/translations";
import { isOfferedLanguage, offeredLanguages, translator } from "../i18n";
import { listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { renderEmail } from "../../emails/render";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import {
  catalogueFile,
  clearTranslations,
  describeProblem,
  importCatalogueFile,
  refreshImportedCatalogues,
  translationStatus,
} from "./catalogue-file.server";

let env: ReturnType<typeof serviceTestEnv>;
let admin: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  admin = testOrganiser(env.db, { role: "admin" });
  refreshImportedCatalogues(env.db);
});
afterEach(() => {
  clearTranslations(env.db, admin, "sma");
  env.cleanup();
});

/** The exported CSV as rows, header first. */
async function exportedRows(separator: "csv" | "csv-semicolon" = "csv"): Promise<string[][]> {
  const file = await catalogueFile(env.db, "sma", separator);
  return parse(file.body as string, {
    bom: true,
    delimiter: separator === "csv" ? "," : ";",
  }) as string[][];
}

/** Fills the translation column of the rows for `key` (by form), as a translator would. */
function fill(rows: string[][], key: string, texts: Record<string, string>) {
  for (const row of rows) if (row[0] === key && row[1]! in texts) row[3] = texts[row[1]!]!;
}

const csvOf = (rows: string[][], delimiter = ",") =>
  Buffer.from(stringify(rows, { delimiter, bom: true, record_delimiter: "windows" }));

const rowOf = (rows: string[][], key: string, form = "") =>
  rows.findIndex((r) => r[0] === key && r[1] === form) + 1;

describe("the translator's file", () => {
  it("lists every citizen key with its bokmål text, one row per form, and no organisers' key", async () => {
    const rows = await exportedRows();
    expect(rows[0]).toEqual(["Nøkkel", "Form", "Bokmål", "Oversettelse"]);
    const keys = new Set(rows.slice(1).map((r) => r[0]));
    expect(keys).toContain("site.name");
    expect(keys).not.toContain("translations.title");
    expect(keys).not.toContain("admin.nav.meetings");
    expect(rows.find((r) => r[0] === "site.name")).toEqual([
      "site.name",
      "",
      "Folkemøter i Røros kommune",
      "",
    ]);
    // South Sámi has a dual: a plural gets a "two" row besides bokmål's forms.
    expect(rows.filter((r) => r[0] === "index.seatsLeft").map((r) => r[1])).toEqual([
      "zero",
      "one",
      "two",
      "other",
    ]);
    expect(translationStatus("sma")).toMatchObject({ translated: 0, total: keys.size });
  });

  it("comes back filled: the two texts show in South Sámi, the rest in bokmål, and the language is offered", async () => {
    expect(isOfferedLanguage("sma")).toBe(false);
    expect(offeredLanguages()).toEqual(["nb", "nn", "en"]);
    const rows = await exportedRows();
    fill(rows, "site.skipToContent", { "": "Njoelkedh åejviesisnie" });
    fill(rows, "rsvp.persons", {
      one: "{count} almetje",
      two: "{count} almetjh",
      other: "{count} almetjh",
    });
    const result = await importCatalogueFile(env.db, admin, "sma", csvOf(rows));
    expect(result).toEqual({ ok: true, texts: 2 });

    const t = translator("sma");
    expect(t("site.skipToContent")).toBe("Njoelkedh åejviesisnie");
    expect(t("rsvp.persons", { count: 1 })).toBe("1 almetje");
    expect(t("rsvp.persons", { count: 2 })).toBe("2 almetjh");
    expect(t("site.name")).toBe(translator("nb")("site.name"));
    expect(isOfferedLanguage("sma")).toBe(true);
    expect(offeredLanguages()).toEqual(["nb", "nn", "en", "sma"]);
    const status = translationStatus("sma");
    expect(status.translated).toBe(2);
    expect(status.missing.map((m) => m.key)).not.toContain("site.skipToContent");
    expect(status.missing.map((m) => m.key)).toContain("site.name");
    expect(listAudit(env.db, { limit: 1 })[0]).toMatchObject({
      action: "translations.import",
      details: { language: "sma", texts: 2 },
    });

    // The next export carries what is translated, so a translator goes on where they stopped.
    expect((await exportedRows()).find((r) => r[0] === "site.skipToContent")![3]).toBe(
      "Njoelkedh åejviesisnie",
    );
  });

  it("reads a semicolon file saved by Excel, and text that only looks like a formula", async () => {
    const rows = await exportedRows("csv-semicolon");
    fill(rows, "site.name", { "": "=Folkemøte; Röörosen tjïelte" });
    const file = stringify(rows, { delimiter: ";", bom: true }).replace(
      "=Folkemøte",
      "'=Folkemøte",
    );
    expect(await importCatalogueFile(env.db, admin, "sma", Buffer.from(file))).toEqual({
      ok: true,
      texts: 1,
    });
    expect(translator("sma")("site.name")).toBe("=Folkemøte; Röörosen tjïelte");
  });

  it("reads an XLSX file filled in a spreadsheet app", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const exported = await catalogueFile(env.db, "sma", "xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.body as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === "site.footer.contact") {
        row.getCell(4).value = "Gyhtjelassh? Gaskesh {name}:";
      }
    });
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await importCatalogueFile(env.db, admin, "sma", bytes)).toEqual({ ok: true, texts: 1 });
    expect(translator("sma")("site.footer.contact", { name: "Røros" })).toBe(
      "Gyhtjelassh? Gaskesh Røros:",
    );
  });

  it("lets a plural form leave the number out, as bokmål's 'one' often does", async () => {
    const rows = await exportedRows();
    fill(rows, "index.seatsLeft", {
      one: "Akte sijje",
      other: "{count} sijjieh",
    });
    expect(await importCatalogueFile(env.db, admin, "sma", csvOf(rows))).toEqual({
      ok: true,
      texts: 1,
    });
    // Bokmål's zero is not given: the count 0 shows the plural form given.
    expect(translator("sma")("index.seatsLeft", { count: 3 })).toBe("3 sijjieh");
  });
});

describe("the mails' texts", () => {
  it("are in the file as mail.<key>, and reach a South Sámi reader's mail, bokmål for the rest", async () => {
    const rows = await exportedRows();
    expect(rows.find((r) => r[0] === "mail.registration.subject.confirmed")?.[2]).toBe(
      "Påmeldt: {title}",
    );
    fill(rows, "site.name", { "": "Folkemøte Röörosne" });
    fill(rows, "mail.registration.subject.confirmed", { "": "Tjaalasovveme: {title}" });
    expect(await importCatalogueFile(env.db, admin, "sma", csvOf(rows))).toEqual({
      ok: true,
      texts: 2,
    });
    const meetingId = createTestMeeting(env.db, { title: "Småhus" });
    signUp(env.ctx, meetingId, {
      name: "Sara Saemie",
      email: "sara@example.no",
      partySize: 1,
      needs: noNeeds,
      language: "sma",
    });
    const [mail] = listMessages(env.db);
    const rendered = await renderEmail(mail!.template, JSON.parse(mail!.payload!));
    expect(rendered.subject).toBe("Tjaalasovveme: Småhus");
    expect(rendered.html).toMatch(/<html[^>]*lang="sma"/);
    // Not translated: bokmål.
    expect(rendered.text).toContain("Hei Sara Saemie,");
    // The link in the mail opens the site in South Sámi.
    expect(rendered.text).toMatch(/\/r\/[\w-]+\?lang=sma/);
    expect(translationStatus("sma").missing.map((m) => m.key)).not.toContain(
      "mail.registration.subject.confirmed",
    );
  });
});

describe("a file that would break a message", () => {
  it("is refused whole, every problem with its spreadsheet row, and nothing stored", async () => {
    const first = await exportedRows();
    fill(first, "site.name", { "": "Folkemøte" });
    await importCatalogueFile(env.db, admin, "sma", csvOf(first));

    const rows = await exportedRows();
    fill(rows, "site.footer.contact", { "": "Gaskesh {nomme}:" });
    fill(rows, "rsvp.partySizeHint", { "": "Jeenjemes 4." });
    fill(rows, "site.skipToContent", { "": "Njoelkedh {åejvie" });
    fill(rows, "site.nav.label", { "": "Menu\u202E" });
    fill(rows, "rsvp.persons", { one: "{count} almetje" });
    fill(rows, "site.owner", { "": "x".repeat(5001) });
    rows.push(["no.such.key", "", "", "Tjaalege"]);
    rows.push(["site.owner", "one", "", "Tjïelte"]);
    rows.push(["site.name", "", "", "Folkemøte igjen"]);
    const result = await importCatalogueFile(env.db, admin, "sma", csvOf(rows));
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const last = rows.length;
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          row: rowOf(rows, "site.footer.contact"),
          key: "site.footer.contact",
          kind: "unknownPlaceholder",
          name: "nomme",
        },
        {
          row: rowOf(rows, "site.footer.contact"),
          key: "site.footer.contact",
          kind: "missingPlaceholder",
          name: "name",
        },
        {
          row: rowOf(rows, "rsvp.partySizeHint"),
          key: "rsvp.partySizeHint",
          kind: "missingPlaceholder",
          name: "max",
        },
        { row: rowOf(rows, "site.skipToContent"), key: "site.skipToContent", kind: "braces" },
        { row: rowOf(rows, "site.nav.label"), key: "site.nav.label", kind: "control" },
        { row: rowOf(rows, "rsvp.persons", "one"), key: "rsvp.persons", kind: "pluralIncomplete" },
        { row: rowOf(rows, "site.owner"), key: "site.owner", kind: "tooLong" },
        { row: last - 2, key: "no.such.key", kind: "unknownKey" },
        { row: last - 1, key: "site.owner", kind: "wrongForm" },
        { row: last, key: "site.name", kind: "duplicate" },
      ]),
    );
    expect(problems).toHaveLength(10);
    // The organiser reads where and what, in bokmål.
    const t = translator();
    expect(
      describeProblem(
        t,
        problems.find((p) => p.kind === "unknownPlaceholder")!,
      ),
    ).toBe(
      `Rad ${rowOf(rows, "site.footer.contact")}: Teksten for «site.footer.contact» har plassholderen {nomme}, som ikke finnes i bokmålsteksten.`,
    );
    // What was there before is still there.
    expect(translator("sma")("site.name")).toBe("Folkemøte");
    expect(translator("sma")("site.footer.contact", { name: "R" })).toBe(
      translator("nb")("site.footer.contact", { name: "R" }),
    );
    expect(translationStatus("sma").translated).toBe(1);
  });

  it("names the header, the encoding or an unreadable file, and an empty one", async () => {
    const header = await importCatalogueFile(
      env.db,
      admin,
      "sma",
      csvOf([
        ["Key", "Text"],
        ["site.name", "x"],
      ]),
    );
    expect(header).toEqual({ ok: false, problems: [{ row: 1, kind: "header" }] });
    const latin1 = Buffer.from(
      "Nøkkel,Form,Bokmål,Oversettelse\r\nsite.name,,x,Røros\r\n",
      "latin1",
    );
    expect(await importCatalogueFile(env.db, admin, "sma", latin1)).toEqual({
      ok: false,
      problems: [{ row: 1, kind: "encoding" }],
    });
    const brokenZip = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100, 1)]);
    expect(await importCatalogueFile(env.db, admin, "sma", brokenZip)).toEqual({
      ok: false,
      problems: [{ row: 1, kind: "unreadable" }],
    });
    expect(await importCatalogueFile(env.db, admin, "sma", csvOf(await exportedRows()))).toEqual({
      ok: false,
      problems: [{ row: 2, kind: "noTexts" }],
    });
    expect(isOfferedLanguage("sma")).toBe(false);
  });
});

describe("stored texts", () => {
  it("are left out when they no longer fit their message, and shown in bokmål", () => {
    // Written by another process (`npm run translations import`, or an older version).
    const other = openDatabase(env.db.name);
    replaceTranslations(other, "sma", [
      { key: "site.name", form: "", text: "Folkemøte" },
      { key: "site.footer.contact", form: "", text: "Gaskesh {gie}:" },
      { key: "gone.key", form: "", text: "x" },
    ]);
    other.close();
    refreshImportedCatalogues(env.db);
    const t = translator("sma");
    expect(t("site.name")).toBe("Folkemøte");
    expect(t("site.footer.contact", { name: "R" })).toBe(
      translator("nb")("site.footer.contact", { name: "R" }),
    );
    expect(translationStatus("sma").translated).toBe(1);
  });

  it("can all be taken away: the language is no longer offered", async () => {
    const rows = await exportedRows();
    fill(rows, "site.name", { "": "Folkemøte" });
    await importCatalogueFile(env.db, admin, "sma", csvOf(rows));
    expect(isOfferedLanguage("sma")).toBe(true);
    clearTranslations(env.db, admin, "sma");
    expect(isOfferedLanguage("sma")).toBe(false);
    expect(translator("sma")("site.name")).toBe(translator("nb")("site.name"));
    expect(listAudit(env.db, { limit: 1 })[0]!.action).toBe("translations.clear");
  });
});
