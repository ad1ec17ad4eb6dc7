import type { Needs, RegistrationStatus } from "../../db/registrations";

/** Shared by the organisers' attendee list (browser) and its loaders (server). */
export type AttendeeFilter = RegistrationStatus | "checkedIn" | "online" | "all";
export const attendeeFilters: AttendeeFilter[] = [
  "all",
  "confirmed",
  "waitlisted",
  "cancelled",
  "checkedIn",
  "online",
];

export function parseFilter(value: string | null): AttendeeFilter {
  return attendeeFilters.includes(value as AttendeeFilter) ? (value as AttendeeFilter) : "all";
}

/** A registration's needs as one line of text for lists and exports. */
export function needsSummary(
  r: { needs: Needs },
  labels: { accessibility: string; interpreter: string; other: string },
) {
  return [
    r.needs.accessibility && labels.accessibility,
    r.needs.interpreter && labels.interpreter,
    r.needs.other && labels.other,
    r.needs.text,
  ]
    .filter(Boolean)
    .join(". ");
}
