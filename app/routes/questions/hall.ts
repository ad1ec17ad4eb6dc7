import { redirect } from "~/platform/redirect.server";
import { hallBrowserId } from "~/meetings/crowd.server";
import { meetingNotFound } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { hallAsk } from "~/questions/questions.server";
import type { Route } from "./+types/hall";

/**
 * The short link on the hall's screen (/q/12) opens the question form for phones, and gives a
 * phone its browser id on the way (counted for that meeting's hall, ADR 0013).
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const found = hallAsk(services().db, params.id);
  if (!found) meetingNotFound();
  const setCookie = await hallBrowserId(request, context, found.meeting);
  return redirect(found.path, setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined);
}
