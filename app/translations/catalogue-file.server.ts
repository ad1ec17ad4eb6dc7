/**
 * Languages brought in by translators (South Sámi first): the file a translator fills, and
 * bringing it back. The file lists every key a citizen can meet, one row per text or plural
 * form, with its bokmål text beside an empty (or already translated) column. An import is
 * checked whole before anything is stored: a text that would break its message (a lost or
 * unknown placeholder, a stray brace, half a plural) refuses the file, with the row it is
 * on. An accepted file replaces the language's texts. No text is ever made by a machine:
 * what is missing is shown in bokmål, and listed for the organisers.
 */
import type { DB } from "../../db/connection";
import { replaceTranslations, translationsOf, type TranslationRow } from "../../db/translations";
import {
  bokmalEntry,
  importedLanguages,
  pluralCategories,
  setImportedCatalogue,
  type CitizenKey,
  type Entry,
  type ImportedCatalogue,
  type ImportedLanguage,
  type Translate,
} from "../i18n";
import { nn } from "../i18n/nn";
import { setImportedMailTexts, type TextKey as MailKey } from "../../emails/texts";
import { nb as mailBokmal } from "../../emails/texts/nb";
import { audit, type AuditActor } from "../platform/audit.server";
import {
  exportFile,
  restoreNeutralised,
  toCsv,
  toXlsx,
  type ExportFile,
  type FileFormat,
} from "../exports/exports.server";

type Form = TranslationRow["form"];

/** The file's columns, in order. Read back by name, so a translator may move them. */
const COLUMNS = ["Nøkkel", "Form", "Bokmål", "Oversettelse"] as const;
const WIDTHS = [36, 8, 60, 60];

/** The most a text may hold: the longest bokmål text is far below it. */
const MAX_TEXT = 5000;
/** The most rows a file may have: every key's forms, with room for the catalogue to grow. */
const MAX_ROWS = 10_000;

// The file's keys: every text a citizen can meet. The pages' citizen keys are the keys of
// any built-in catalogue other than bokmål (the compiler makes nynorsk hold exactly them);
// the mails' texts (emails/texts) follow, each key prefixed "mail.".
const MAIL = "mail.";
const citizenKeys = Object.keys(nn).sort() as CitizenKey[];
const mailKeys = Object.keys(mailBokmal).sort() as MailKey[];
const fileKeys = [...citizenKeys, ...mailKeys.map((key) => `${MAIL}${key}`)];
const isFileKey = (key: string) =>
  key.startsWith(MAIL) ? Object.hasOwn(mailBokmal, key.slice(MAIL.length)) : Object.hasOwn(nn, key);

/** A file key's bokmål text: a page's or a mail's. */
function sourceEntry(key: string): Entry {
  return key.startsWith(MAIL)
    ? mailBokmal[key.slice(MAIL.length) as MailKey]
    : bokmalEntry(key as CitizenKey);
}

/** The forms a key's text has in a language: none, or bokmål's plural forms and a dual. */
function formsOf(key: string, language: ImportedLanguage): Form[] {
  const entry = sourceEntry(key);
  if (typeof entry === "string") return [""];
  const forms: Form[] = [];
  if (entry.zero !== undefined) forms.push("zero");
  forms.push("one");
  if (pluralCategories(language).includes("two")) forms.push("two");
  forms.push("other");
  return forms;
}

/** The bokmål text a translator translates for a form (a dual translates bokmål's plural). */
function bokmalText(key: string, form: Form): string {
  const entry = sourceEntry(key);
  if (typeof entry === "string") return entry;
  if (form === "zero") return entry.zero ?? entry.other;
  return form === "one" ? entry.one : entry.other;
}

/** One row's identity in a language: its key and form. */
const rowKey = (key: string, form: Form) => `${key}\u0000${form}`;

const placeholdersIn = (text: string) => new Set([...text.matchAll(/{(\w+)}/g)].map((m) => m[1]!));

/** What can be wrong with a file, each on a row (the header is row 1). */
export type Problem =
  | { row: number; kind: "header" | "encoding" | "unreadable" | "tooManyRows" | "noTexts" }
  | {
      row: number;
      key: string;
      kind:
        | "unknownKey"
        | "wrongForm"
        | "duplicate"
        | "tooLong"
        | "control"
        | "braces"
        | "pluralIncomplete";
    }
  | { row: number; key: string; kind: "unknownPlaceholder" | "missingPlaceholder"; name: string };

interface Candidate extends TranslationRow {
  row: number;
}

// C0 controls other than tab and line feed, DEL, C1 controls, and the bidirectional controls
// that can make a text read differently from what it holds.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Checks texts for a language, row by row: the one rule for what an imported text may be,
 * used on every import and again when the stored texts are loaded (a newer version of the
 * app may have changed a bokmål text's placeholders since the file came in).
 */
function checkTexts(language: ImportedLanguage, candidates: readonly Candidate[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const pluralForms = new Map<string, { row: number; forms: Set<Form> }>();
  for (const { row, key, form, text } of candidates) {
    if (!isFileKey(key)) {
      problems.push({ row, key, kind: "unknownKey" });
      continue;
    }
    if (!formsOf(key, language).includes(form)) {
      problems.push({ row, key, kind: "wrongForm" });
      continue;
    }
    if (seen.has(rowKey(key, form))) {
      problems.push({ row, key, kind: "duplicate" });
      continue;
    }
    seen.add(rowKey(key, form));
    if (text.length > MAX_TEXT) problems.push({ row, key, kind: "tooLong" });
    if (CONTROL.test(text)) problems.push({ row, key, kind: "control" });
    if (/[{}]/.test(text.replace(/{\w+}/g, ""))) problems.push({ row, key, kind: "braces" });
    const entry = sourceEntry(key);
    const known = placeholdersIn(
      typeof entry === "string" ? entry : Object.values(entry).join(" "),
    );
    if (form !== "") known.add("count");
    const used = placeholdersIn(text);
    for (const name of used) {
      if (!known.has(name)) problems.push({ row, key, kind: "unknownPlaceholder", name });
    }
    // Each placeholder the bokmål form shows must be kept; a plural form may leave the number
    // out ("one" is often a word, not "1").
    for (const name of placeholdersIn(bokmalText(key, form))) {
      if (!used.has(name) && !(form !== "" && name === "count")) {
        problems.push({ row, key, kind: "missingPlaceholder", name });
      }
    }
    if (form !== "") {
      const forms = pluralForms.get(key) ?? { row, forms: new Set<Form>() };
      forms.forms.add(form);
      pluralForms.set(key, forms);
    }
  }
  for (const [key, { row, forms }] of pluralForms) {
    if (!forms.has("one") || !forms.has("other"))
      problems.push({ row, key, kind: "pluralIncomplete" });
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** Stored rows as a catalogue: one text or plural per key. */
function catalogueOf(rows: readonly TranslationRow[]): Record<string, Entry> {
  const catalogue: Record<string, Entry> = {};
  const plurals: Record<string, Partial<Record<Exclude<Form, "">, string>>> = {};
  for (const { key, form, text } of rows) {
    if (form === "") catalogue[key] = text;
    else (plurals[key] ??= {})[form] = text;
  }
  for (const [key, { zero, one, two, other }] of Object.entries(plurals)) {
    catalogue[key] = {
      one: one!,
      other: other!,
      ...(zero === undefined ? {} : { zero }),
      ...(two === undefined ? {} : { two }),
    };
  }
  return catalogue;
}

/**
 * Loads a language's stored texts into the translator, leaving out any key whose text no
 * longer fits its message (it is then shown in bokmål and listed as missing).
 */
function loadLanguage(db: DB, language: ImportedLanguage) {
  const rows = translationsOf(db, language);
  const broken = new Set(
    checkTexts(
      language,
      rows.map((r, i) => ({ ...r, row: i })),
    ).flatMap((p) => ("key" in p ? [p.key] : [])),
  );
  const texts = catalogueOf(rows.filter((r) => !broken.has(r.key)));
  const pages: Record<string, Entry> = {};
  const mails: Record<string, Entry> = {};
  for (const [key, entry] of Object.entries(texts)) {
    if (key.startsWith(MAIL)) mails[key.slice(MAIL.length)] = entry;
    else pages[key] = entry;
  }
  setImportedCatalogue(language, pages as ImportedCatalogue);
  setImportedMailTexts(language, mails as Partial<Record<MailKey, Entry>>);
  loadedTexts.set(language, new Set(Object.keys(texts)));
}

/** The file keys each imported language has a text for, as loaded. */
const loadedTexts = new Map<ImportedLanguage, Set<string>>();

/** The data_version each connection's languages were last loaded at. */
const loadedAt = new WeakMap<DB, number>();

/**
 * Keeps the imported languages as the database has them: loads them at start, and again when
 * another process (`npm run translations import`) may have changed them. Cheap enough for
 * every page: one read of data_version (a statement the connection keeps), which moves only
 * when another connection wrote (this process's own imports load their language themselves).
 */
export function refreshImportedCatalogues(db: DB) {
  const { version } = db
    .prepare<[], { version: number }>("SELECT data_version AS version FROM pragma_data_version")
    .get()!;
  if (loadedAt.get(db) === version) return;
  loadedAt.set(db, version);
  for (const language of importedLanguages) loadLanguage(db, language);
}

/** The file's rows for a language: every citizen key's forms, with what is translated so far. */
function fileRows(db: DB, language: ImportedLanguage): string[][] {
  const stored = new Map(translationsOf(db, language).map((r) => [rowKey(r.key, r.form), r.text]));
  return fileKeys.flatMap((key) =>
    formsOf(key, language).map((form) => [
      key,
      form,
      bokmalText(key, form),
      stored.get(rowKey(key, form)) ?? "",
    ]),
  );
}

/** The file a translator fills: CSV (either separator) or XLSX. */
export async function catalogueFile(
  db: DB,
  language: ImportedLanguage,
  format: FileFormat,
): Promise<ExportFile> {
  const rows = fileRows(db, language);
  return exportFile(`oversettelse-${language}`, format, {
    csv: (separator) => toCsv(COLUMNS, rows, { separator }),
    xlsx: () =>
      toXlsx(
        language,
        COLUMNS.map((header, i) => ({ header, width: WIDTHS[i]! })),
        rows,
        { title: `folkemote: ${language}`, subject: "Oversettelse" },
      ),
  });
}

/** How far a language has come: keys with a text, and the bokmål of those still without one. */
export function translationStatus(language: ImportedLanguage) {
  const translated = loadedTexts.get(language) ?? new Set<string>();
  const missing = fileKeys
    .filter((key) => !translated.has(key))
    .map((key) => ({ key, bokmal: bokmalText(key, formsOf(key, language).at(-1)!) }));
  return { total: fileKeys.length, translated: fileKeys.length - missing.length, missing };
}

// --- Reading a filled file back ---------------------------------------------------------------

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 &&
  bytes[0] === 0x50 &&
  bytes[1] === 0x4b &&
  bytes[2] === 0x03 &&
  bytes[3] === 0x04;

type Table = { rows: string[][] } | { problem: Problem };

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { problem: { row: 1, kind: "unreadable" } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { problem: { row: 1, kind: "unreadable" } };
  if (sheet.rowCount > MAX_ROWS + 1) return { problem: { row: MAX_ROWS + 2, kind: "tooManyRows" } };
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(COLUMNS.length, row.cellCount); c++) {
      const text = row.getCell(c).text;
      cells.push(typeof text === "string" ? text : String(text ?? ""));
    }
    rows.push(cells);
  }
  return { rows };
}

async function readCsv(bytes: Uint8Array): Promise<Table> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: { row: 1, kind: "encoding" } };
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  const { parse } = await import("csv-parse/sync");
  try {
    const rows = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      to: MAX_ROWS + 2,
    }) as string[][];
    if (rows.length > MAX_ROWS + 1) return { problem: { row: MAX_ROWS + 2, kind: "tooManyRows" } };
    return { rows: rows.map((cells) => cells.map(restoreNeutralised)) };
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { problem: { row: typeof line === "number" ? line : 1, kind: "unreadable" } };
  }
}

/** The texts a table holds, each with its row number, or the problem with its header. */
function candidatesOf(rows: string[][]): Candidate[] | Problem {
  const header = (rows[0] ?? []).map((cell) => cell.trim());
  const at = (name: (typeof COLUMNS)[number]) => header.indexOf(name);
  const [keyAt, formAt, textAt] = [at("Nøkkel"), at("Form"), at("Oversettelse")];
  if (keyAt < 0 || formAt < 0 || textAt < 0) return { row: 1, kind: "header" };
  const candidates: Candidate[] = [];
  rows.slice(1).forEach((cells, index) => {
    const text = (cells[textAt] ?? "").replace(/\r\n?/g, "\n");
    if (!text.trim()) return;
    candidates.push({
      row: index + 2,
      key: (cells[keyAt] ?? "").trim(),
      form: (cells[formAt] ?? "").trim() as Form,
      text: text.trim(),
    });
  });
  return candidates;
}

/** A problem as the organiser reads it: its row, then what is wrong. */
export function describeProblem(t: Translate, problem: Problem): string {
  const row = t("translations.problem.row", { row: problem.row });
  const key = "key" in problem ? problem.key : "";
  const what = (() => {
    switch (problem.kind) {
      case "unknownPlaceholder":
      case "missingPlaceholder":
        return t(`translations.problem.${problem.kind}`, {
          key,
          placeholder: `{${problem.name}}`,
        });
      case "tooLong":
        return t("translations.problem.tooLong", { key, max: MAX_TEXT });
      case "unknownKey":
      case "wrongForm":
      case "duplicate":
      case "control":
      case "braces":
      case "pluralIncomplete":
        return t(`translations.problem.${problem.kind}`, { key });
      default:
        return t(`translations.problem.${problem.kind}`);
    }
  })();
  return `${row}: ${what}`;
}

export type ImportResult = { ok: true; texts: number } | { ok: false; problems: Problem[] };

/**
 * Brings a filled file (CSV or XLSX, told apart by its bytes) back for a language: refused
 * whole, with every problem and its row, or stored whole in place of the language's texts,
 * audited, and shown to citizens from the next page on.
 */
export async function importCatalogueFile(
  db: DB,
  actor: AuditActor,
  language: ImportedLanguage,
  bytes: Uint8Array,
): Promise<ImportResult> {
  const table = isZip(bytes) ? await readXlsx(bytes) : await readCsv(bytes);
  if ("problem" in table) return { ok: false, problems: [table.problem] };
  const candidates = candidatesOf(table.rows);
  if (!Array.isArray(candidates)) return { ok: false, problems: [candidates] };
  const problems = checkTexts(language, candidates);
  if (problems.length) return { ok: false, problems };
  if (candidates.length === 0) return { ok: false, problems: [{ row: 2, kind: "noTexts" }] };
  replaceTranslations(
    db,
    language,
    candidates.map(({ key, form, text }) => ({ key, form, text })),
  );
  const texts = new Set(candidates.map((c) => c.key)).size;
  audit(db, actor, "translations.import", { details: { language, texts } });
  loadLanguage(db, language);
  return { ok: true, texts };
}

/** Takes a language away from citizens again: its texts are removed (audited). */
export function clearTranslations(db: DB, actor: AuditActor, language: ImportedLanguage) {
  replaceTranslations(db, language, []);
  audit(db, actor, "translations.clear", { details: { language } });
  loadLanguage(db, language);
}
