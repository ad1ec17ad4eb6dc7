import { requireOrganiser } from "~/auth/guard.server";
import { requireMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { attachmentResponse } from "~/questions/after.server";
import type { Route } from "./+types/question-attachment";

/** Organisers can open an attachment before the answers are published. */
export async function loader({ request, params }: Route.LoaderArgs) {
  await requireOrganiser(request);
  const { db } = services();
  return attachmentResponse(db, requireMeeting(db, params.id), params.attachmentId, {
    organiser: true,
  });
}
