import { collectRegistrationData, ownDataFile } from "~/own-data/own-data.server";
import { services } from "~/platform/context.server";
import { requireRegistrationByToken } from "~/registrations/manage.server";
import type { Route } from "./+types/registration-json";

/** The personal link's data as a file (GDPR art. 20): the same as the page, times in ISO 8601. */
export function loader({ params }: Route.LoaderArgs) {
  const { db, service } = services();
  const { registration, meeting } = requireRegistrationByToken(db, params.token);
  return ownDataFile(collectRegistrationData(service, registration, meeting), meeting.slug);
}
