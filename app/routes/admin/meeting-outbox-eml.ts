import { requireOrganiser } from "~/auth/guard.server";
import { readEml } from "~/mail/outbox-view.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import type { Route } from "./+types/meeting-outbox-eml";
import { notFound } from "~/platform/refusal.server";

/** One written .eml, as the recipient's mail program would get it (file mailer only). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const organiser = await requireOrganiser(request);
  const { db, env } = services();
  const meeting = requireMeeting(db, params.id);
  const id = Number(params.messageId);
  const eml = Number.isInteger(id)
    ? await readEml(db, organiser, env.outboxDir, meeting.id, id)
    : null;
  if (!eml) notFound();
  return new Response(new Uint8Array(eml), {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="melding-${id}.eml"`,
      "Cache-Control": "no-store",
    },
  });
}
