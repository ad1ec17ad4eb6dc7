import { redirect } from "~/platform/redirect.server";
import { notFound } from "~/meetings/meetings.server";
import { services } from "~/platform/context.server";
import { hallAskPath } from "~/questions/questions.server";
import type { Route } from "./+types/hall";

/** The short link on the hall's screen (/q/12) opens the question form for phones. */
export function loader({ params }: Route.LoaderArgs) {
  const path = hallAskPath(services().db, params.id);
  if (!path) notFound();
  return redirect(path);
}
