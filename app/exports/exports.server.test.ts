import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  ATTENDEE_COLUMNS,
  attendeesCsv,
  attendeesXlsx,
  neutraliseFormula,
  sortBySurname,
  splitName,
  type AttendeeRow,
} from "./exports.server";

const row = (overrides: Partial<AttendeeRow>): AttendeeRow => ({
  attendance: "hall",
  name: "Kari Nordmann",
  email: null,
  phone: null,
  partySize: 1,
  status: "confirmed",
  waitlistPosition: null,
  needs: "",
  checkInCode: "AAA-BBB",
  checkedInAt: null,
  checkedInPeople: null,
  registeredAt: "2026-11-28T13:05:00Z",
  source: "citizen",
  ...overrides,
});

const rows: AttendeeRow[] = [
  row({
    name: "Åse Ødegård",
    email: "ase@example.no",
    // A phone number starting with "+" is neutralised in CSV too: a spreadsheet app would
    // read "+47 99 99 99 99" as a formula. XLSX says it is text, and needs no quote.
    phone: "+47 99 99 99 99",
    partySize: 2,
    needs: "Tolk. Rullestol",
    checkInCode: "K7M-Q2P",
    // February: Oslo is UTC+1.
    checkedInAt: "2026-02-19T18:02:00Z",
    // One of the party of two came.
    checkedInPeople: 1,
    // November: UTC+1.
    registeredAt: "2026-11-28T13:05:00Z",
  }),
  row({
    name: "Bjørn Æsøy",
    phone: "99 99 99 99",
    status: "waitlisted",
    waitlistPosition: 3,
    checkInCode: "Z9X-W8V",
    // June: Oslo is UTC+2 (summer time), and the date rolls over past midnight.
    registeredAt: "2026-06-30T22:30:00Z",
    source: "organiser",
    attendance: "online",
  }),
  row({
    name: '=HYPERLINK("http://evil","klikk")',
    email: "-2+3",
    needs: "@SUM(1)",
    status: "cancelled",
  }),
  row({
    name: 'Ola "Olsen",\nPer; Hansen',
    needs: 'Rullestol, tolk; "ekstra"\r\nAndre linje',
  }),
  row({ name: "Kari -2+3", needs: " =1+1", phone: "\t=cmd" }),
];

/** What the CSV export should hold, text as read back from the file. */
const expected: string[][] = [
  [
    "Ødegård",
    "Åse",
    "ase@example.no",
    "'+47 99 99 99 99",
    "2",
    "Påmeldt",
    "",
    "Tolk. Rullestol",
    "K7M-Q2P",
    "Ja 19.02",
    "1",
    "28.11.2026 14.05",
    "Innbygger",
    "I salen",
  ],
  [
    "Æsøy",
    "Bjørn",
    "",
    "99 99 99 99",
    "1",
    "Venteliste",
    "3",
    "",
    "Z9X-W8V",
    "",
    "",
    "01.07.2026 00.30",
    "Arrangør",
    "Digitalt",
  ],
  [
    `'=HYPERLINK("http://evil","klikk")`,
    "",
    "'-2+3",
    "",
    "1",
    "Avmeldt",
    "",
    "'@SUM(1)",
    "AAA-BBB",
    "",
    "",
    "28.11.2026 14.05",
    "Innbygger",
    "I salen",
  ],
  [
    "Hansen",
    'Ola "Olsen",\nPer;',
    "",
    "",
    "1",
    "Påmeldt",
    "",
    'Rullestol, tolk; "ekstra"\r\nAndre linje',
    "AAA-BBB",
    "",
    "",
    "28.11.2026 14.05",
    "Innbygger",
    "I salen",
  ],
  [
    "'-2+3",
    "Kari",
    "",
    "'\t=cmd",
    "1",
    "Påmeldt",
    "",
    "' =1+1",
    "AAA-BBB",
    "",
    "",
    "28.11.2026 14.05",
    "Innbygger",
    "I salen",
  ],
];

/** What the XLSX export should hold: the same, but text as typed, without the CSV's `'`. */
const asTyped = expected.map((r) => r.map((cell) => cell.replace(/^'/, "")));

describe("neutraliseFormula", () => {
  it("prefixes a quote to values a spreadsheet could run as a formula", () => {
    for (const value of ["=1+1", "+47 12345678", "-2+3", "@SUM(1)", "\t=1", "\r=1"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
  });

  it("also after leading whitespace, and for the full-width forms", () => {
    for (const value of [" =1+1", "  +1", "\n@SUM(1)", "\u00a0-1", "＝1+1", "＋1", "－1", "＠A1"]) {
      expect(neutraliseFormula(value)).toBe(`'${value}`);
    }
  });

  it("leaves ordinary values alone and is idempotent", () => {
    for (const value of ["", " ", "Anne-Lise", "ola@example.no", "K7M-Q2P", "99 99 99 99", "'=1"]) {
      expect(neutraliseFormula(value)).toBe(value);
    }
    expect(neutraliseFormula(neutraliseFormula("=1"))).toBe("'=1");
  });
});

describe("splitName", () => {
  it("takes the last word as the surname", () => {
    expect(splitName("Anne Marie  Ødegård")).toEqual({
      surname: "Ødegård",
      givenNames: "Anne Marie",
    });
    expect(splitName(" Bjørn Æsøy\n")).toEqual({
      surname: "Æsøy",
      givenNames: "Bjørn",
    });
  });

  it("treats a one-word or empty name as all surname", () => {
    expect(splitName("  Cher ")).toEqual({ surname: "Cher", givenNames: "" });
    expect(splitName("")).toEqual({ surname: "", givenNames: "" });
    expect(splitName("   ")).toEqual({ surname: "", givenNames: "" });
  });
});

describe("sortBySurname", () => {
  it("sorts in Norwegian order: Z < Æ < Ø < Å, then by given names", () => {
    const input = [
      { name: "Per Åsen" },
      { name: "Kari Østby" },
      { name: "Ola Ærø" },
      { name: "Zara Zakariassen" },
      { name: "Kari Hansen" },
      { name: "Anne Hansen" },
      { name: "Åse Ødegård" },
      { name: "Bjørn Æsøy" },
    ];
    const snapshot = input.map((r) => r.name);

    expect(sortBySurname(input).map((r) => r.name)).toEqual([
      "Anne Hansen",
      "Kari Hansen",
      "Zara Zakariassen",
      "Ola Ærø",
      "Bjørn Æsøy",
      "Åse Ødegård",
      "Kari Østby",
      "Per Åsen",
    ]);
    // A copy: the caller's array is untouched.
    expect(input.map((r) => r.name)).toEqual(snapshot);
  });

  it("keeps other fields and the input order of full ties", () => {
    const input = [
      { name: "Ola Nordmann", id: 1 },
      { name: "Ola  Nordmann", id: 2 },
    ];
    expect(sortBySurname(input).map((r) => r.id)).toEqual([1, 2]);
  });
});

describe("attendeesCsv", () => {
  for (const separator of [",", ";"] as const) {
    it(`round-trips every field with "${separator}" as separator`, () => {
      const csv = attendeesCsv(rows, { separator });
      const records: string[][] = parse(csv, {
        bom: true,
        delimiter: separator,
      });

      expect(records[0]).toEqual([...ATTENDEE_COLUMNS]);
      expect(records.slice(1)).toEqual(expected);
      expect(records.slice(1).map((r) => r.slice(0, 2))).toContainEqual(["Ødegård", "Åse"]);
    });
  }

  it("defaults to a comma", () => {
    expect(attendeesCsv([]).split("\r\n")[0]).toBe(`\uFEFF${ATTENDEE_COLUMNS.join(",")}`);
    expect(attendeesCsv([], { separator: ";" }).split("\r\n")[0]).toBe(
      `\uFEFF${ATTENDEE_COLUMNS.join(";")}`,
    );
  });

  it("starts with a UTF-8 byte order mark and ends lines with CRLF", () => {
    const csv = attendeesCsv(rows, { separator: ";" });
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Ødegård;Åse");

    expect(csv.endsWith("\r\n")).toBe(true);
    // Outside quoted fields, every line break is CRLF: one per record plus the header.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, "");
    expect(unquoted).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    expect(unquoted.split("\r\n")).toHaveLength(rows.length + 2);
  });

  it("quotes the name with separators, quotes and a line break", () => {
    const csv = attendeesCsv(rows);
    expect(csv).toContain('Hansen,"Ola ""Olsen"",\nPer;"');
  });
});

describe("attendeesXlsx", () => {
  const load = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type; the Node Buffer is what it reads.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    return workbook;
  };

  it("writes one sheet with the header and the same cells as the CSV, text as typed", async () => {
    const buffer = await attendeesXlsx(rows, {
      meetingTitle: "Folkemøte om Ærøgata",
      when: "torsdag 10. desember 2026 kl. 19.00",
    });
    expect(Buffer.isBuffer(buffer)).toBe(true);

    const workbook = await load(buffer);
    expect(workbook.creator).toBe("folkemote");
    expect(workbook.title).toBe("Folkemøte om Ærøgata");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Deltakere"]);

    const sheet = workbook.getWorksheet("Deltakere")!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    const header = ATTENDEE_COLUMNS.map((_, i) => sheet.getCell(1, i + 1).value);
    expect(header).toEqual([...ATTENDEE_COLUMNS]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(0);

    const read = expected.map((_, r) =>
      ATTENDEE_COLUMNS.map((__, c) => {
        const value = sheet.getCell(r + 2, c + 1).value;
        return value === null ? "" : String(value);
      }),
    );
    // Besides the CSV's quotes: line breaks within a cell are LF, as in Excel.
    const withLf = asTyped.map((r) => r.map((cell) => cell.replace(/\r\n?/g, "\n")));
    expect(read).toEqual(withLf);
    expect(read[3]![7]).toBe('Rullestol, tolk; "ekstra"\nAndre linje');
    expect(sheet.getCell(2, 1).value).toBe("Ødegård");
    expect(sheet.getCell(2, 2).value).toBe("Åse");
    expect(sheet.getCell(3, 1).value).toBe("Æsøy");
  });

  it("holds no formulas, only string cells with the text as typed, and real numbers", async () => {
    const sheet = (await load(await attendeesXlsx(rows, { meetingTitle: "M", when: "" })))
      .worksheets[0]!;

    let cells = 0;
    sheet.eachRow((r) =>
      r.eachCell((cell) => {
        cells++;
        expect(cell.formula).toBeUndefined();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
      }),
    );
    expect(cells).toBeGreaterThan(rows.length * 8);

    // Formula-looking text is a string cell (a shared string, never a formula element), so a
    // spreadsheet shows it and runs nothing; no stray quote is shown either.
    for (const [r, c, text] of [
      [4, 1, '=HYPERLINK("http://evil","klikk")'],
      [4, 8, "@SUM(1)"],
      [4, 3, "-2+3"],
      [2, 4, "+47 99 99 99 99"],
      [6, 4, "\t=cmd"],
      [6, 8, " =1+1"],
    ] as const) {
      expect(sheet.getCell(r, c).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(r, c).value).toBe(text);
    }
    expect(sheet.getCell(2, 5).value).toBe(2); // Antall personer
    expect(sheet.getCell(3, 7).value).toBe(3); // Plass på venteliste
    expect(sheet.getCell(2, 7).value).toBeNull();
    expect(sheet.getCell(2, 11).value).toBe(1); // Antall møtt: one of the party of two
    expect(sheet.getCell(3, 11).value).toBeNull();
  });
});
