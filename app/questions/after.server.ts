/**
 * After the meeting: what the public sees (published summary, attachments, case updates) and
 * the organisers' PDF attachments: size limit, type checked by the file's own bytes, and
 * served so a browser can never run it as a page of this site.
 */
import { href } from "react-router";
import * as files from "../../db/attachments";
import { listCaseUpdates } from "../../db/case-subscriptions";
import { immediate, type DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { getBoard } from "../../db/questions";
import { audit } from "../platform/audit.server";
import { env } from "../platform/env.server";
import { formatDate } from "../platform/dates";
import type { PageLanguage } from "../i18n";
import { meetingPhase } from "../meetings/phase";
import { questionsChanged } from "./live.server";
import { notFound } from "../platform/refusal.server";

/**
 * What every citizen's page says of the meeting's state (components/meeting-phase.tsx): its
 * phase, and once answers are published, where to read them.
 */
export function phaseView(db: DB, meeting: Meeting, now = new Date()) {
  return {
    phase: meetingPhase(meeting, now),
    answers:
      getBoard(db, meeting.id).answersPublishedAt !== null
        ? href("/meetings/:slug/questions", { slug: meeting.slug })
        : null,
  };
}

/**
 * The largest PDF: what fits in an organiser's request body (ADMIN_BODY_LIMIT_MB) with room
 * for the rest of the form. A bigger body is refused with 413 before it is read.
 */
export const attachmentMaxBytes = () => env().bodyLimits.adminBytes - 16 * 1024;
/** The limit as people read it: "5" or "2,5" (megabytes). */
export const attachmentMaxMb = () => env().ADMIN_BODY_LIMIT_MB.toLocaleString("nb-NO");

/**
 * What came after the meeting, for a citizen's page. Dates arrive formatted in the reader's
 * language, so the page's JavaScript carries no date library (js-budget.test.ts).
 */
export function meetingAfterView(db: DB, meeting: Meeting, language: PageLanguage) {
  const board = getBoard(db, meeting.id);
  const published = board.answersPublishedAt !== null;
  return {
    answersPublished: published,
    summary: published ? board.summary : "",
    attachments: published
      ? files.listAttachments(db, meeting.id).map((a) => ({
          id: a.id,
          filename: a.filename,
          size: a.size,
          url: href("/meetings/:slug/attachments/:id", { slug: meeting.slug, id: String(a.id) }),
        }))
      : [],
    updates: listCaseUpdates(db, meeting.id).map((u) => ({
      id: u.id,
      title: u.title,
      body: u.body,
      createdAt: u.createdAt,
      date: formatDate(u.createdAt, language),
    })),
  };
}
export type AttachmentProblem = "missing" | "tooLarge" | "notPdf";

/** A PDF starts with "%PDF-" (the browser's declared type and the file name prove nothing). */
export const isPdf = (bytes: Uint8Array) =>
  bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

/** A name that is safe on every file system and in a header: letters, digits, . _ - and spaces. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 100)
    .trim();
  const stem = cleaned.replace(/\.pdf$/i, "") || "vedlegg";
  return `${stem}.pdf`;
}

export async function addAttachment(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  file: FormDataEntryValue | null,
): Promise<AttachmentProblem | null> {
  if (!(file instanceof File) || file.size === 0) return "missing";
  if (file.size > attachmentMaxBytes()) return "tooLarge";
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!isPdf(bytes)) return "notPdf";
  const filename = safeFilename(file.name);
  immediate(db, () => {
    const id = files.insertAttachment(db, {
      meetingId: meeting.id,
      filename,
      contentType: "application/pdf",
      content: bytes,
    });
    audit(db, organiser, "attachment.add", {
      meetingId: meeting.id,
      target: filename,
      details: { attachmentId: id, size: bytes.length },
    });
  });
  questionsChanged(meeting.id);
  return null;
}

export function removeAttachment(db: DB, organiser: Organiser, meeting: Meeting, id: number) {
  immediate(db, () => {
    const found = files.getAttachment(db, id);
    if (!found || found.meetingId !== meeting.id) return;
    files.deleteAttachment(db, id);
    audit(db, organiser, "attachment.delete", {
      meetingId: meeting.id,
      target: found.filename,
      details: { attachmentId: id },
    });
  });
  questionsChanged(meeting.id);
}

export function listMeetingAttachments(db: DB, meeting: Meeting) {
  return files.listAttachments(db, meeting.id);
}

/**
 * The file, as a download: attachment disposition with an ASCII fallback name and the UTF-8
 * name (RFC 6266/5987), nosniff, and a sandboxing CSP in case a browser renders it anyway.
 * Public only once answers are published.
 */
export function attachmentResponse(
  db: DB,
  meeting: Meeting,
  idParam: string | undefined,
  { organiser = false } = {},
): Response {
  const id = Number(idParam);
  const file = Number.isInteger(id) && id > 0 ? files.getAttachment(db, id) : undefined;
  const published = getBoard(db, meeting.id).answersPublishedAt !== null;
  if (!file || file.meetingId !== meeting.id || (!published && !organiser)) {
    notFound();
  }
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": organiser ? "private, no-store" : "public, max-age=300",
    },
  });
}

export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .replace(/[øØ]/g, (c) => (c === "ø" ? "o" : "O"))
      .replace(/[æÆ]/g, (c) => (c === "æ" ? "ae" : "AE"))
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "_") || "vedlegg.pdf";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
