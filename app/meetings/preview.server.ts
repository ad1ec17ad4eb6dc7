/**
 * An organiser's preview of a draft: the public meeting page itself (app/routes/meeting.tsx,
 * route id "meeting-preview"), with the meeting shown as it will be once published, marked
 * as a preview, kept out of search engines and caches, its forms switched off.
 */
import { href } from "react-router";
import { redirect } from "../platform/redirect.server";
import type { DB } from "../../db/connection";
import type { Meeting } from "../../db/meetings";
import { requireOrganiser } from "../auth/guard.server";
import { translator } from "../i18n";
import { requireMeeting } from "./meetings.server";

/** Never stored, never indexed: the page is an organiser's, and not public yet. */
export const previewHeaders = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/**
 * The draft the URL names, for a logged-in organiser, as citizens will see it once published.
 * A meeting that is already public has its real page, so its preview sends the organiser there.
 */
export async function requirePreview(request: Request, db: DB, idParam: string | undefined) {
  await requireOrganiser(request);
  const draft = requireMeeting(db, idParam);
  if (draft.status !== "draft") throw redirect(href("/meetings/:slug", { slug: draft.slug }));
  const meeting: Meeting = { ...draft, status: "published" };
  // The organisers' words travel with the data: the public page's code carries no admin texts.
  const t = translator();
  return {
    meeting,
    preview: {
      label: t("preview.banner"),
      intro: t("preview.intro"),
      back: t("preview.back"),
      dashboard: href("/admin/meetings/:id", { id: String(draft.id) }),
    },
  };
}
