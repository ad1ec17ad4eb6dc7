import { nowIso, type DB } from "./connection";

/** A file published with a meeting's answers (the slides as PDF). */
export interface Attachment {
  id: number;
  meetingId: number;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
}

const columns = `id, meeting_id AS meetingId, filename, content_type AS contentType, size,
  created_at AS createdAt`;

export function insertAttachment(
  db: DB,
  a: { meetingId: number; filename: string; contentType: string; content: Buffer },
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO meeting_attachments (meeting_id, filename, content_type, size, content, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(a.meetingId, a.filename, a.contentType, a.content.length, a.content, nowIso());
  return Number(lastInsertRowid);
}

export function listAttachments(db: DB, meetingId: number): Attachment[] {
  return db
    .prepare(`SELECT ${columns} FROM meeting_attachments WHERE meeting_id = ? ORDER BY id`)
    .all(meetingId) as Attachment[];
}

export function getAttachment(db: DB, id: number): (Attachment & { content: Buffer }) | undefined {
  return db.prepare(`SELECT ${columns}, content FROM meeting_attachments WHERE id = ?`).get(id) as
    (Attachment & { content: Buffer }) | undefined;
}

export function deleteAttachment(db: DB, id: number) {
  db.prepare("DELETE FROM meeting_attachments WHERE id = ?").run(id);
}
