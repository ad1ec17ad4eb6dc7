import { requirePublicMeeting } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { attachmentResponse } from "~/questions/after.server";
import type { Route } from "./+types/attachment";

export function loader({ params }: Route.LoaderArgs) {
  const { db } = services();
  return attachmentResponse(db, requirePublicMeeting(db, params.slug), params.id);
}
