/**
 * How a recorded change of time is stored and shown. The editor records the meeting's time as
 * "<start>/<end>" in UTC (an ISO 8601 interval), so each reader gets it written in their own
 * language: the attendee's notice in theirs, the organiser's pages in bokmål. A place is the
 * organiser's own words and is shown as written. Rows recorded before this rule hold ready
 * bokmål text, and are shown as they are.
 */
import type { PageLanguage } from "../i18n";
import { formatMeetingTime } from "../platform/dates";

export const timeChangeValue = (m: { startsAt: string; endsAt: string }) =>
  `${m.startsAt}/${m.endsAt}`;

const INTERVAL = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\/(\d{4}-\d\d-\d\dT[\d:.]+Z)$/;

export function describeChangeValue(kind: string, value: string, language: PageLanguage): string {
  const interval = kind === "time" ? INTERVAL.exec(value) : null;
  return interval ? formatMeetingTime(interval[1]!, interval[2]!, language) : value;
}
