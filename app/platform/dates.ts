import { TZDate, tzOffset } from "@date-fns/tz";
import { format, type FormatOptions } from "date-fns/format";
import { enGB } from "date-fns/locale/en-GB";
import { nb } from "date-fns/locale/nb";
import { nn } from "date-fns/locale/nn";
import type { PageLanguage } from "../i18n";
import { memo } from "./memo";

export const TIME_ZONE = "Europe/Oslo";

const inOslo = (iso: string) => new TZDate(new Date(iso).getTime(), TIME_ZONE);

/**
 * How each language writes a date and a time. Made once: the meeting page formats on every
 * request, so no call builds options or patterns. Norwegian writes "kl. 19.00", British
 * English "at 19:00"; date-fns's nn locale has the nynorsk weekdays (måndag, tysdag …).
 */
const bokmal = { options: { locale: nb }, date: "EEEE d. MMMM yyyy", time: "HH.mm", at: "kl." };
// date-fns has no South Sámi locale, and no machine may write Sámi: its pages write dates the
// bokmål way, as the rest of their untranslated text is.
const styles: Record<
  PageLanguage,
  { options: FormatOptions; date: string; time: string; at: string }
> = {
  nb: bokmal,
  nn: { options: { locale: nn }, date: "EEEE d. MMMM yyyy", time: "HH.mm", at: "kl." },
  en: { options: { locale: enGB }, date: "EEEE d MMMM yyyy", time: "HH:mm", at: "at" },
  sma: bokmal,
};

/** "torsdag 10. desember 2026"; "Thursday 10 December 2026" in English. */
export function formatDate(iso: string, language: PageLanguage = "nb"): string {
  const style = styles[language];
  return format(inOslo(iso), style.date, style.options);
}

/** "19.00"; "19:00" in English. */
export function formatTime(iso: string, language: PageLanguage = "nb"): string {
  const style = styles[language];
  return format(inOslo(iso), style.time, style.options);
}

/** "torsdag 10. desember 2026 kl. 19.00"; "Thursday 10 December 2026 at 19:00". */
export function formatDateTime(iso: string, language: PageLanguage = "nb"): string {
  return `${formatDate(iso, language)} ${styles[language].at} ${formatTime(iso, language)}`;
}

/** "torsdag 10. desember 2026 kl. 19.00–21.00", or both dates when it runs past midnight. */
export function formatMeetingTime(
  startsAt: string,
  endsAt: string,
  language: PageLanguage = "nb",
): string {
  // The same few meetings' times over and over (every reminder of a fan-out, every list):
  // the time zone arithmetic, about 0.1 ms, is done once per time and language.
  return meetingTimes(`${startsAt}|${endsAt}|${language}`, () =>
    formatDate(startsAt, language) === formatDate(endsAt, language)
      ? `${formatDateTime(startsAt, language)}–${formatTime(endsAt, language)}`
      : `${formatDateTime(startsAt, language)} – ${formatDateTime(endsAt, language)}`,
  );
}
const meetingTimes = memo<string>(500);

/**
 * The UTC instant of an Oslo wall time ("2026-12-10", "19:00"). The time zone library
 * resolves summer time; a wall time that does not exist (spring forward) moves forward.
 */
export function osloToUtc(date: string, time: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n))) {
    throw new RangeError(`Not a date and time: ${date} ${time}`);
  }
  return new Date(new TZDate(y!, m! - 1, d!, hh!, mm!, TIME_ZONE).getTime()).toISOString();
}

/** The Oslo wall date and time of an instant, as form values: ["2026-12-10", "19:00"]. */
export function utcToOslo(iso: string): [date: string, time: string] {
  const t = inOslo(iso);
  return [format(t, "yyyy-MM-dd"), format(t, "HH:mm")];
}

/**
 * Whether an Oslo wall time is missing (skipped when the clocks go forward) or ambiguous
 * (passed twice when they go back). The wall time is tried against the zone's offsets a day
 * either side, as the time zone library reports them; it exists once for each that holds.
 */
export function osloWallTimeProblem(date: string, time: string): "missing" | "ambiguous" | null {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n))) return null;
  const wallAsUtc = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const day = 24 * 60 * 60 * 1000;
  const offsets = new Set([
    tzOffset(TIME_ZONE, new Date(wallAsUtc - day)),
    tzOffset(TIME_ZONE, new Date(wallAsUtc + day)),
  ]);
  const instants = [...offsets].filter(
    (offset) => tzOffset(TIME_ZONE, new Date(wallAsUtc - offset * 60_000)) === offset,
  );
  if (instants.length === 0) return "missing";
  return instants.length > 1 ? "ambiguous" : null;
}

/** "søndag 29. mars 2026" for a form's yyyy-mm-dd date, read as an Oslo calendar day. */
export function formatWallDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return format(new TZDate(y!, m! - 1, d!, 12, 0, TIME_ZONE), "EEEE d. MMMM yyyy", { locale: nb });
}
