/**
 * Exports: lists as CSV and XLSX files that open safely in a spreadsheet (no text a citizen
 * typed can become a formula) and read well in Norwegian. Each domain decides what goes in its
 * file (attendee-exports.server.ts, app/questions/exports.server.ts); this module writes the
 * files, and it alone decides how text is kept text in each format.
 */
import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify/sync";
import { format } from "date-fns/format";
import { TIME_ZONE } from "../platform/dates";

/**
 * Attendee-list exports for organisers: CSV (for Excel, Numbers, LibreOffice and scripts)
 * and XLSX. Both carry the same columns in the same order; rows keep the order they are
 * given in (pass them through `sortBySurname` first for an alphabetical list).
 *
 * Every text cell is untrusted citizen input. In XLSX it is a string cell, which a
 * spreadsheet app shows as the text it is, "+47 …" and "=HYPERLINK(…)" alike; in CSV, where
 * every cell is text the app reads afresh, `neutraliseFormula` keeps it text. Numbers (party
 * size, waitlist position) are written as numbers.
 */

export interface AttendeeRow {
  /** Untrusted citizen text: may hold æøå, quotes, separators, newlines, formula-looking text. */
  name: string;
  email: string | null;
  phone: string | null;
  partySize: number;
  status: "confirmed" | "waitlisted" | "cancelled";
  waitlistPosition: number | null;
  /** Already joined, e.g. "Tolk. Rullestol". */
  needs: string;
  /** e.g. "K7M-Q2P" */
  checkInCode: string;
  /** UTC ISO instant of the first arrival, or null when not checked in. */
  checkedInAt: string | null;
  /** How many of the party came through the door (part of a party may), or null. */
  checkedInPeople: number | null;
  /** UTC ISO instant. */
  registeredAt: string;
  source: "citizen" | "organiser";
  /** In the hall or online (ADR 0016). */
  attendance: "hall" | "online";
}

export const ATTENDEE_COLUMNS = [
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
] as const;

/** Column widths for the XLSX sheet, in characters, in `ATTENDEE_COLUMNS` order. */
const COLUMN_WIDTHS = [20, 20, 30, 16, 10, 12, 10, 30, 10, 10, 10, 17, 14, 10] as const;

const STATUS_LABELS: Record<AttendeeRow["status"], string> = {
  confirmed: "Påmeldt",
  waitlisted: "Venteliste",
  cancelled: "Avmeldt",
};

const SOURCE_LABELS: Record<AttendeeRow["source"], string> = {
  citizen: "Innbygger",
  organiser: "Arrangør",
};

const ATTENDANCE_LABELS: Record<AttendeeRow["attendance"], string> = {
  hall: "I salen",
  online: "Digitalt",
};

/**
 * Characters that make a spreadsheet app read a cell as a formula (OWASP CSV injection),
 * plus their full-width forms, which Apple Numbers normalises to the ASCII ones.
 */
const FORMULA_TRIGGER = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Prefixes `'` to a CSV value a spreadsheet app could run as a formula: one that starts
 * with = + - @ tab or CR, also after leading whitespace (" =1+1", "\n@SUM(1)"), and the
 * full-width ＝ ＋ － ＠. Anything else is returned unchanged, so the function is idempotent.
 * This changes the data on purpose: a phone number "+47 …" is exported as "'+47 …", since a
 * CSV file has no way to say "this is text". XLSX has, and needs no prefix.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/**
 * Undoes `neutraliseFormula` for a CSV cell read back (a translator's file): the `'` goes
 * only where neutraliseFormula would have put it, so a text that starts with `'` itself
 * stays as it is.
 */
export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Splits a full name at its last run of whitespace: the surname is the last word, the given
 * names are everything before it (trimmed, otherwise as typed). A one-word name is all
 * surname. "Anne Marie Ødegård" → { surname: "Ødegård", givenNames: "Anne Marie" }.
 */
export function splitName(name: string): {
  surname: string;
  givenNames: string;
} {
  const trimmed = name.trim();
  // A scan from the end rather than a regex: names are untrusted and unbounded.
  let start = trimmed.length;
  while (start > 0 && !/\s/.test(trimmed[start - 1]!)) start--;
  return {
    surname: trimmed.slice(start),
    givenNames: trimmed.slice(0, start).trimEnd(),
  };
}

const norwegian = new Intl.Collator("nb");

/**
 * A sorted copy (the input is not changed) for the printable check-in list: by surname,
 * then given names, in Norwegian order (… Z, Æ, Ø, Å). Ties keep their input order.
 */
export function sortBySurname<T extends { name: string }>(rows: T[]): T[] {
  const keyed = rows.map((row) => ({ row, ...splitName(row.name) }));
  keyed.sort(
    (a, b) =>
      norwegian.compare(a.surname, b.surname) || norwegian.compare(a.givenNames, b.givenNames),
  );
  return keyed.map(({ row }) => row);
}

const inOslo = (iso: string) => new TZDate(new Date(iso).getTime(), TIME_ZONE);

function attendeeCells(row: AttendeeRow): Cell[] {
  const { surname, givenNames } = splitName(row.name);
  const text = textCell;
  return [
    text(surname),
    text(givenNames),
    text(row.email),
    text(row.phone),
    row.partySize,
    STATUS_LABELS[row.status],
    row.waitlistPosition,
    text(row.needs),
    text(row.checkInCode),
    // The check-in time of day in Oslo, "Ja 19.02"; the date is the meeting's.
    row.checkedInAt ? `Ja ${format(inOslo(row.checkedInAt), "HH.mm")}` : null,
    row.checkedInPeople,
    format(inOslo(row.registeredAt), "dd.MM.yyyy HH.mm"),
    SOURCE_LABELS[row.source],
    ATTENDANCE_LABELS[row.attendance],
  ];
}

/** A cell is text (as typed: the writers keep it text), a number, or empty. */
export type Cell = string | number | null;

/** Untrusted text for a cell, kept as typed (the writers keep it text); empty stays empty. */
export const textCell = (value: string | null | undefined): string | null => value || null;

/** A CSV field: text neutralised against formulas (`neutraliseFormula`), numbers as digits. */
const csvField = (cell: Cell): string => {
  if (cell === null) return "";
  return typeof cell === "string" ? neutraliseFormula(cell) : String(cell);
};

/**
 * Rows as CSV text, synchronously: UTF-8 byte order mark first (so Excel reads æøå right),
 * CRLF line endings, a header row, and "," between fields, or ";" for Excel with Norwegian
 * regional settings. Fields holding the separator, quotes or line breaks are quoted; text that
 * a spreadsheet could run gets its `'` prefix here. Send it as `text/csv; charset=utf-8`.
 */
export function toCsv(
  columns: readonly string[],
  rows: Cell[][],
  options: { separator?: "," | ";" } = {},
): string {
  return stringify(
    rows.map((row) => row.map(csvField)),
    {
      bom: true,
      header: true,
      columns: [...columns],
      delimiter: options.separator ?? ",",
      record_delimiter: "windows",
      // Giving `record_delimiter` turns this off by default; a lone "\n" or "\r" in a
      // field must still be quoted or it would split the record when read back.
      quote_record_delimiter: true,
    },
  );
}

/**
 * Rows as an XLSX workbook with one sheet: the header in row 1 (bold, frozen, with an
 * autofilter) and one row per record below it. Text is written as it was typed, as string
 * cells (shared strings, `t="s"`): a spreadsheet app evaluates only a cell's formula element,
 * never its string, so "=1+1" shows as "=1+1" and no `'` prefix is needed or shown. Numbers
 * are numbers; empty values are empty cells; line breaks within a cell are LF.
 */
export async function toXlsx(
  sheetName: string,
  columns: readonly { header: string; width: number }[],
  rows: Cell[][],
  meta: { title: string; subject: string },
): Promise<Buffer> {
  // Loaded on first use: a spreadsheet library is a lot to load for a server that mostly serves pages.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "folkemote";
  workbook.lastModifiedBy = "folkemote";
  workbook.title = meta.title;
  workbook.subject = meta.subject;
  workbook.created = new Date();
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = columns.map(({ header, width }) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // XML readers turn CRLF and CR in text into LF anyway; do it here so the file says
    // what it means. LF is the line break within an Excel cell.
    sheet.addRow(
      row.map((cell) => (typeof cell === "string" ? cell.replace(/\r\n?/g, "\n") : cell)),
    );
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: columns.length },
  };
  // Shared strings are exceljs's default; said here because the safety rests on it.
  return Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: true }));
}

/** The attendee list as CSV (see `toCsv`). */
export function attendeesCsv(rows: AttendeeRow[], options: { separator?: "," | ";" } = {}): string {
  return toCsv(ATTENDEE_COLUMNS, rows.map(attendeeCells), options);
}

/** The attendee list as an XLSX workbook with one sheet "Deltakere" (see `toXlsx`). */
export async function attendeesXlsx(
  rows: AttendeeRow[],
  meta: { meetingTitle: string; when: string },
): Promise<Buffer> {
  return toXlsx(
    "Deltakere",
    ATTENDEE_COLUMNS.map((header, index) => ({ header, width: COLUMN_WIDTHS[index]! })),
    rows.map(attendeeCells),
    { title: meta.meetingTitle, subject: meta.when },
  );
}

/** The file formats every export offers. */
export type FileFormat = "csv" | "csv-semicolon" | "xlsx";

export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/**
 * The format an export link asks for: its ending (`.xlsx` or `.csv`), and for CSV the
 * separator, `?separator=semicolon` for Excel with Norwegian regional settings.
 */
export function requestedFileFormat(url: URL): FileFormat {
  if (url.pathname.endsWith(".xlsx")) return "xlsx";
  return url.searchParams.get("separator") === "semicolon" ? "csv-semicolon" : "csv";
}

/** One list as the file asked for, named `<base>.xlsx` or `<base>.csv`. */
export async function exportFile(
  base: string,
  format: FileFormat,
  write: { csv: (separator: "," | ";") => string; xlsx: () => Promise<Buffer> },
): Promise<ExportFile> {
  if (format === "xlsx") {
    return {
      body: Uint8Array.from(await write.xlsx()),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      filename: `${base}.xlsx`,
    };
  }
  return {
    body: write.csv(format === "csv-semicolon" ? ";" : ","),
    contentType: "text/csv; charset=utf-8",
    filename: `${base}.csv`,
  };
}

/** An export as a download; it holds personal data, so no cache may keep it. */
export function downloadResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
