/**
 * The panel's question list: XLSX, CSV and a printable page, in the panel's order once the
 * organiser has chosen it, else grouped by theme (and within a theme by the agenda or by
 * support), with support counts and answers. Askers' names are left out
 * unless the organiser asks for them; such an export is personal data and audit-logged.
 * Cells go through the shared writers, which neutralise formulas.
 */
import type { DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { agendaOrderedAt, listAgenda, listMergedInto } from "../../db/questions";
import { audit } from "../platform/audit.server";
import {
  exportFile,
  textCell,
  toCsv,
  toXlsx,
  type Cell,
  type ExportFile,
  type FileFormat,
} from "../exports/exports.server";
import { formatMeetingTime } from "../platform/dates";
import { meetingThemeChoices, OTHER_THEME } from "./questions.server";

export type QuestionOrder = "agenda" | "support";
export type QuestionExportFormat = FileFormat | "print";

export interface PanelRow {
  position: number;
  theme: string;
  text: string;
  supportCount: number;
  askers: string[];
  answer: string | null;
}

/** Whether the organiser has put the panel's questions in an order of their own. */
export const panelOrderChosen = (db: DB, meeting: Meeting) =>
  agendaOrderedAt(db, meeting.id) !== null;

/**
 * The approved questions for the panel. "agenda" follows the panel's order once the organiser
 * has chosen one (moved a question); before that, and for "support", the questions are
 * grouped by theme (the meeting's theme order), each group in that order. Every row keeps its
 * number in the panel's order, the number the projector shows ("Spørsmål 3 av 12").
 */
export function panelRows(
  db: DB,
  meeting: Meeting,
  order: QuestionOrder,
  withNames: boolean,
): { byTheme: boolean; rows: PanelRow[] } {
  const choices = meetingThemeChoices(db, meeting);
  const rank = new Map(choices.map((c, i) => [c.title, i]));
  const agenda = listAgenda(db, meeting.id);
  const byTheme = order === "support" || !panelOrderChosen(db, meeting);
  const sorted =
    order === "support" ? [...agenda].sort((a, b) => b.supportCount - a.supportCount) : agenda;
  const themeRank = (title: string | null) => rank.get(title) ?? rank.get(null) ?? choices.length;
  const grouped = byTheme
    ? sorted
        .map((q, i) => ({ q, i }))
        .sort((a, b) => themeRank(a.q.theme) - themeRank(b.q.theme) || a.i - b.i)
        .map(({ q }) => q)
    : sorted;
  const rows = grouped.map((q) => ({
    position: q.agendaPosition ?? 0,
    theme: choices.find((c) => c.title === q.theme && q.theme !== null)?.label ?? OTHER_THEME,
    text: q.publicText ?? q.originalText,
    supportCount: q.supportCount,
    askers: withNames
      ? [q, ...listMergedInto(db, q.id)]
          .map((x) => x.askerName)
          .filter((n): n is string => Boolean(n))
      : [],
    answer: q.answer,
  }));
  return { byTheme, rows };
}

const COLUMNS = [
  { header: "Nr.", width: 6 },
  { header: "Tema", width: 24 },
  { header: "Spørsmål", width: 70 },
  { header: "Støtte", width: 8 },
  { header: "Svar", width: 60 },
] as const;
const NAME_COLUMN = { header: "Spurt av", width: 30 };

function cells(row: PanelRow, withNames: boolean): Cell[] {
  const base: Cell[] = [
    row.position,
    textCell(row.theme),
    textCell(row.text),
    row.supportCount,
    textCell(row.answer),
  ];
  return withNames ? [...base, textCell(row.askers.join(", "))] : base;
}

/** Writes the audit entry every panel export gets; with names it is an export of personal data. */
function logExport(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  format: QuestionExportFormat,
  rows: number,
  withNames: boolean,
  order: QuestionOrder,
  byTheme: boolean,
) {
  audit(
    db,
    organiser,
    withNames ? `questions.export.${format}.withNames` : `questions.export.${format}`,
    {
      meetingId: meeting.id,
      target: meeting.title,
      details: { rows, withNames, order, byTheme },
    },
  );
}

export async function exportQuestions(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  format: Exclude<QuestionExportFormat, "print">,
  order: QuestionOrder,
  withNames: boolean,
): Promise<ExportFile> {
  const { rows, byTheme } = panelRows(db, meeting, order, withNames);
  logExport(db, organiser, meeting, format, rows.length, withNames, order, byTheme);
  const columns = withNames ? [...COLUMNS, NAME_COLUMN] : [...COLUMNS];
  const data = rows.map((r) => cells(r, withNames));
  return exportFile(`sporsmal-${meeting.slug}`, format, {
    csv: (separator) =>
      toCsv(
        columns.map((c) => c.header),
        data,
        { separator },
      ),
    xlsx: () =>
      toXlsx("Spørsmål", columns, data, {
        title: meeting.title,
        subject: formatMeetingTime(meeting.startsAt, meeting.endsAt),
      }),
  });
}

/**
 * The printable page's rows: in theme groups, or one list in the panel's order (see
 * panelRows). Logged like the file exports.
 */
export function printQuestions(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  order: QuestionOrder,
  withNames: boolean,
) {
  const { rows, byTheme } = panelRows(db, meeting, order, withNames);
  logExport(db, organiser, meeting, "print", rows.length, withNames, order, byTheme);
  if (!byTheme) return { byTheme, groups: [{ theme: null, rows }] };
  const groups: { theme: string | null; rows: PanelRow[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.theme === row.theme) last.rows.push(row);
    else groups.push({ theme: row.theme, rows: [row] });
  }
  return { byTheme, groups };
}

export const parseOrder = (value: string | null): QuestionOrder =>
  value === "support" ? "support" : "agenda";
