import { data } from "react-router";
import type { MessageKey } from "../i18n";

/**
 * The one way an action reads a posted form. Browsers send forms urlencoded or multipart;
 * anything else (JSON, text/plain, no type at all) is a script, and a body that cannot be
 * parsed is broken on the way. Both are the client's fault, so they answer 415 and 400 with
 * the normal Norwegian error page, never 500. The size is limited before this, by the
 * server (body-limit.server.ts).
 */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function refuse(status: 400 | 415, title: MessageKey, body: MessageKey): never {
  throw data({ title, body }, { status });
}

/** The media type without parameters, lower case ("" when absent). */
export function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.has(mediaType(request))) {
    refuse(415, "error.unsupportedType.title", "error.unsupportedType.body");
  }
  try {
    return await request.formData();
  } catch {
    refuse(400, "error.brokenForm.title", "error.brokenForm.body");
  }
}
