/**
 * The archive package (Archives Act, arkivlova): what the municipality files in its records
 * (sak/arkiv) before the retention erases the people behind a meeting. The meeting's facts and
 * agenda, the public questions with theme, answer and support, the published summary, the
 * attendance counts and the history of changes, as PDF, CSV (the questions) or JSON. Without
 * personal data unless the organiser chooses it: then the attendee list and who asked are in
 * it too. Every package made is recorded (the dashboard shows the newest against the retention
 * date) and audited with its format and whether it held personal data.
 */
import { lastArchive, recordArchive, type ArchiveFormat } from "../../db/archives";
import type { DB } from "../../db/connection";
import type { Organiser } from "../../db/organisers";
import { getAgenda, listMeetingChanges, type Meeting } from "../../db/meetings";
import { countPrivate, getBoard, listQuestions } from "../../db/questions";
import { countCheckIns, countRegistrations, listRegistrations } from "../../db/registrations";
import { textCell, toCsv } from "../exports/exports.server";
import { translator } from "../i18n";
import { audit } from "../platform/audit.server";
import { formatDateTime, formatMeetingTime } from "../platform/dates";
import { anonymiseAt } from "../registrations/retention.server";

export type { ArchiveFormat };

function archiveContent(db: DB, meeting: Meeting, personalData: boolean) {
  const counts = countRegistrations(db, meeting.id);
  const checkIns = countCheckIns(db, meeting.id);
  const questions = listQuestions(db, meeting.id)
    .filter((q) => q.status !== "withdrawn")
    .reverse();
  return {
    generatedAt: new Date().toISOString(),
    personalData,
    meeting: {
      title: meeting.title,
      status: meeting.status,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      venueName: meeting.venueName,
      address: meeting.address,
      description: meeting.description,
      capacity: meeting.capacity,
    },
    agenda: getAgenda(db, meeting.id).map((a) => ({ time: a.timeLabel, title: a.title })),
    questions: questions.map((q, i) => ({
      number: i + 1,
      theme: q.theme,
      status: q.status,
      // The wording the public read; the asker's own words may hold what was reworded away.
      text: q.publicText ?? q.originalText,
      supportCount: q.supportCount,
      answer: q.answer,
      ...(personalData ? { askerName: q.askerName, askerEmail: q.askerEmail } : {}),
    })),
    questionsSentPrivately: countPrivate(db, meeting.id).total,
    summary: getBoard(db, meeting.id).summary,
    attendance: {
      registeredPeople: counts.confirmedPeople,
      /** Of them, those who followed online (check-in is the hall's). */
      onlinePeople: counts.onlinePeople,
      registrations: counts.confirmedRegistrations,
      waitlistedPeople: counts.waitlistedPeople,
      cancelledRegistrations: counts.cancelledRegistrations,
      checkedInPeople: checkIns.arrivedPeople,
    },
    changes: listMeetingChanges(db, meeting.id)
      .reverse()
      .map((c) => ({ at: c.at, kind: c.kind, before: c.before, after: c.after })),
    ...(personalData
      ? {
          attendees: listRegistrations(db, meeting.id).map((r) => ({
            name: r.name,
            email: r.email,
            phone: r.phone,
            partySize: r.partySize,
            status: r.status,
            attendance: r.attendance,
            checkedInPeople: r.checkedInPeople,
          })),
        }
      : {}),
  };
}

export type ArchiveContent = ReturnType<typeof archiveContent>;

const QUESTION_COLUMNS = ["Nr.", "Tema", "Status", "Spørsmål", "Støtte", "Svar"] as const;

function questionsCsv(content: ArchiveContent): string {
  const other = translator()("questions.other");
  const personal = content.personalData;
  const columns = personal ? [...QUESTION_COLUMNS, "Navn", "E-post"] : [...QUESTION_COLUMNS];
  return toCsv(
    columns,
    content.questions.map((q) => [
      q.number,
      q.theme ?? other,
      q.status,
      q.text,
      q.supportCount,
      textCell(q.answer),
      ...(personal ? [textCell(q.askerName), textCell(q.askerEmail)] : []),
    ]),
  );
}

/** The package as a PDF (pdf-lib, its standard Helvetica): A4 pages of wrapped text. */
async function archivePdf(content: ArchiveContent): Promise<Uint8Array<ArrayBuffer>> {
  const { PDFDocument, StandardFonts } = await import("pdf-lib");
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Arkiv: ${content.meeting.title}`);
  pdf.setProducer("folkemote");
  pdf.setCreator("folkemote");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const [width, height] = [595.28, 841.89];
  const margin = 56;
  let page = pdf.addPage([width, height]);
  let y = height - margin;

  // The standard fonts speak WinAnsi: æøå and the Sámi letters in it, not every character.
  const encodable = (font: typeof regular, text: string) =>
    [...text]
      .map((ch) => {
        try {
          font.encodeText(ch);
          return ch;
        } catch {
          return "?";
        }
      })
      .join("");

  const write = (text: string, { size = 10, isBold = false, gap = 4 } = {}) => {
    const font = isBold ? bold : regular;
    for (const paragraph of encodable(font, text).split(/\r?\n/)) {
      const words = paragraph.split(/\s+/);
      let line = "";
      const lines: string[] = [];
      for (const word of words) {
        const next = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > width - 2 * margin && line) {
          lines.push(line);
          line = word;
        } else {
          line = next;
        }
      }
      lines.push(line);
      for (const l of lines) {
        if (y < margin + size) {
          page = pdf.addPage([width, height]);
          y = height - margin;
        }
        page.drawText(l, { x: margin, y: y - size, size, font });
        y -= size * 1.35;
      }
    }
    y -= gap;
  };
  const t = translator();
  const m = content.meeting;
  write(m.title, { size: 16, isBold: true, gap: 8 });
  write(`${formatMeetingTime(m.startsAt, m.endsAt, "nb")}, ${m.venueName}, ${m.address}`);
  write(`Status: ${m.status}. Plasser: ${m.capacity}.`);
  write(`Arkivpakke laget ${formatDateTime(content.generatedAt)}.`, { gap: 8 });
  if (m.description) write(m.description, { gap: 8 });
  write("Program", { size: 13, isBold: true });
  for (const a of content.agenda) write(`${a.time ?? ""} ${a.title}`.trim());
  write("Oppmøte", { size: 13, isBold: true, gap: 2 });
  const a = content.attendance;
  write(
    `Påmeldt: ${a.registeredPeople} personer (${a.registrations} påmeldinger)${a.onlinePeople ? `, av dem ${a.onlinePeople} digitalt` : ""}. Venteliste: ${a.waitlistedPeople}. Avmeldt: ${a.cancelledRegistrations} påmeldinger. Sjekket inn: ${a.checkedInPeople}.`,
    { gap: 8 },
  );
  write("Spørsmål", { size: 13, isBold: true });
  for (const q of content.questions) {
    write(
      `${q.number}. [${q.theme ?? t("questions.other")}] (${q.status}, støtte ${q.supportCount})`,
      {
        isBold: true,
        gap: 0,
      },
    );
    write(q.text, { gap: q.answer ? 0 : 6 });
    if (q.answer) write(`Svar: ${q.answer}`, { gap: 6 });
  }
  write(`Sendt privat til kommunen: ${content.questionsSentPrivately}.`, { gap: 8 });
  if (content.summary) {
    write("Referat", { size: 13, isBold: true });
    write(content.summary, { gap: 8 });
  }
  write("Endringer", { size: 13, isBold: true });
  for (const c of content.changes) {
    write(`${formatDateTime(c.at)}: ${c.kind}: ${c.before} -> ${c.after}`);
  }
  if (content.attendees) {
    write("Deltakere (personopplysninger)", { size: 13, isBold: true });
    for (const r of content.attendees) {
      write(`${r.name}, ${r.email ?? ""} ${r.phone ?? ""}, ${r.partySize} pers., ${r.status}`);
    }
  }
  return Uint8Array.from(await pdf.save());
}

/**
 * The package in one format, recorded and audited. Named after the meeting's address, marked
 * when it holds personal data, so a file on someone's desk says what it is.
 */
export async function makeArchive(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  format: ArchiveFormat,
  personalData: boolean,
) {
  const content = archiveContent(db, meeting, personalData);
  const base = `arkiv-${meeting.slug}${personalData ? "-med-personopplysninger" : ""}`;
  recordArchive(db, { meetingId: meeting.id, organiserId: organiser.id, format, personalData });
  audit(db, organiser, "meeting.archive", {
    meetingId: meeting.id,
    details: { format, personalData },
  });
  if (format === "pdf") {
    return {
      body: await archivePdf(content),
      contentType: "application/pdf",
      filename: `${base}.pdf`,
    };
  }
  if (format === "csv") {
    return {
      body: questionsCsv(content),
      contentType: "text/csv; charset=utf-8",
      filename: `${base}.csv`,
    };
  }
  return {
    body: `${JSON.stringify(content, null, 2)}\n`,
    contentType: "application/json; charset=utf-8",
    filename: `${base}.json`,
  };
}

/** For the dashboard: the newest package, and whether it came before the retention date. */
export function archiveStatus(db: DB, meeting: Meeting, retentionDays: number) {
  const last = lastArchive(db, meeting.id);
  const erasureAt = anonymiseAt(meeting, retentionDays);
  return { last: last ?? null, beforeErasure: last ? last.at < erasureAt : false, erasureAt };
}
