/**
 * The one way an action reads a posted form. Browsers send forms urlencoded or multipart;
 * anything else (JSON, text/plain, no type at all) is a script, and a body that cannot be
 * parsed is broken on the way. Both are the client's fault, so they answer 415 and 400 with
 * the normal Norwegian error page, never 500. The size is limited before this, by the
 * server (body-limit.server.ts).
 *
 * A body within the size limit can still cost far more to read than its size: the form
 * library (conform) builds a list one copy at a time for a name that repeats, so 15,000
 * `x=1` fields in 60 KB took a second of the event loop, and it reads `a[99999999]` as an
 * index, so 16 bytes made a sparse list whose answer took seconds and 30 MB. So the form is
 * held to what our forms send before any schema sees it: at most MAX_FIELDS names, each
 * once unless the action says it repeats (a group of checkboxes), and plain names only. The
 * fields are counted in the raw bytes first, so a body of a million fields is refused without
 * being parsed.
 */
import { data } from "react-router";
import type { MessageKey } from "../i18n";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * Names one form may hold. Our largest form, the meeting editor, sends 24 (the hostile
 * requests test reads every form the built pages render and holds them to this); the rest is
 * room for forms to grow. Forty fields cost nothing to parse.
 */
export const MAX_FIELDS = 40;

/**
 * Plain names, as our forms have them: no `.` or `[…]` paths, no conform's `__intent__`. A
 * hyphen is plain: mail clients' one-click unsubscribe posts `List-Unsubscribe` (RFC 8058).
 */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export interface FormShape {
  /** Names that legitimately repeat (a group of checkboxes), each with its most. */
  repeats?: Record<string, number>;
}

function refuse(status: 400 | 413 | 415, title: MessageKey, body: MessageKey): never {
  throw data({ title, body }, { status });
}

const notOurForm = () => refuse(400, "error.unsupportedType.title", "error.unsupportedType.body");

/** The media type without parameters, lower case ("" when absent). */
function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The multipart boundary from a Content-Type header, or null. */
function boundaryOf(contentType: string): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]!) : null;
}

/** How often `needle` occurs in `bytes`, counting no further than `stop`. */
function occurrences(bytes: Buffer, needle: Buffer | number, stop: number): number {
  let n = 0;
  for (let at = bytes.indexOf(needle); at >= 0 && n <= stop; at = bytes.indexOf(needle, at + 1))
    n++;
  return n;
}

/**
 * At least as many as the fields the body holds: urlencoded fields are split by `&`, and
 * every multipart part starts with its boundary line.
 */
function fieldsAtMost(bytes: Buffer, type: string, contentType: string, stop: number): number {
  if (bytes.length === 0) return 0;
  if (type === "application/x-www-form-urlencoded")
    return occurrences(bytes, 0x26 /* & */, stop) + 1;
  const boundary = boundaryOf(contentType);
  // No boundary: the parser refuses the body as broken.
  return boundary ? occurrences(bytes, Buffer.from(`--${boundary}`), stop) : 0;
}

export async function readForm(request: Request, shape: FormShape = {}): Promise<FormData> {
  const type = mediaType(request);
  if (!FORM_TYPES.has(type)) {
    refuse(415, "error.unsupportedType.title", "error.unsupportedType.body");
  }
  const repeats = shape.repeats ?? {};
  const mostEntries =
    MAX_FIELDS + Object.values(repeats).reduce((sum, most) => sum + Math.max(0, most - 1), 0);
  const contentType = request.headers.get("content-type")!;
  const broken = () => refuse(400, "error.brokenForm.title", "error.brokenForm.body");
  const bytes = Buffer.from(await request.arrayBuffer().catch(broken));
  // A multipart body's closing boundary line is one more than its parts.
  const allowed = type === "multipart/form-data" ? mostEntries + 1 : mostEntries;
  if (fieldsAtMost(bytes, type, contentType, allowed) > allowed) {
    refuse(413, "error.tooLarge.title", "error.tooLarge.body");
  }
  const form = await new Response(bytes, { headers: { "Content-Type": contentType } })
    .formData()
    .catch(broken);
  const seen = new Map<string, number>();
  for (const name of form.keys()) {
    const times = (seen.get(name) ?? 0) + 1;
    seen.set(name, times);
    if (!PLAIN_NAME.test(name) || times > (repeats[name] ?? 1)) notOurForm();
  }
  if (seen.size > MAX_FIELDS) refuse(413, "error.tooLarge.title", "error.tooLarge.body");
  return form;
}
