/**
 * A meeting's own texts in the reader's language. The organiser writes the meeting in bokmål
 * (the editor) and may give its title, description, agenda, access and practical information
 * and question guidance in nynorsk, English and South Sámi too (/admin/meetings/:id/texts/:language).
 * Citizens' pages, their mails and their calendar files show each text in the reader's
 * language where it was written, and in bokmål where not, saying so (`lang="nb"`) for screen
 * readers. Organisers' pages and exports keep bokmål.
 */
import type { DB } from "../../db/connection";
import { getAgenda, type AgendaItem, type Meeting } from "../../db/meetings";
import {
  meetingTextLanguagesOf,
  meetingTextsOf,
  replaceMeetingTexts,
  TRANSLATED_FIELDS,
  type TranslatedField,
  type TranslatedTexts,
} from "../../db/meeting-texts";
import type { Organiser } from "../../db/organisers";
import { defaultLanguage, isPageLanguage, type PageLanguage } from "../i18n";
import { audit } from "../platform/audit.server";
import { parseAgenda } from "./forms";

/** The languages a meeting's texts can be written in besides bokmål, in the switcher's order. */
export const meetingTextLanguages = ["nn", "en", "sma"] as const satisfies readonly PageLanguage[];
export type MeetingTextLanguage = (typeof meetingTextLanguages)[number];

export function isMeetingTextLanguage(value: unknown): value is MeetingTextLanguage {
  return isPageLanguage(value) && value !== defaultLanguage;
}

/** A meeting as a reader of `language` sees it, and which of its texts are bokmål instead. */
export interface LocalisedMeeting {
  meeting: Meeting;
  agenda: AgendaItem[];
  /** `"nb"` for each text shown in bokmål on a page in another language: its `lang`. */
  fallback: Partial<Record<TranslatedField, "nb">>;
}

/** How many items the bokmål agenda has: a translated agenda has a line for each. */
export function agendaItemCount(db: DB, meetingId: number): number {
  return getAgenda(db, meetingId).length;
}

/** What the organiser's page for one language shows: the bokmål texts, and those written. */
export function textsForEditing(db: DB, meeting: Meeting, language: MeetingTextLanguage) {
  const agenda = getAgenda(db, meeting.id);
  return {
    bokmal: {
      title: meeting.title,
      description: meeting.description,
      accessibility: meeting.accessibility,
      whatToBring: meeting.whatToBring,
      agenda: agenda.map((a) => (a.timeLabel ? `${a.timeLabel} ${a.title}` : a.title)).join("\n"),
      questionGuidance: meeting.questionGuidance,
    },
    agendaItems: agenda.length,
    values: meetingTextsOf(db, meeting.id, language),
  };
}

/** For the dashboard: which languages have any of the meeting's texts. */
export function writtenLanguages(db: DB, meetingId: number): MeetingTextLanguage[] {
  const written = new Set(meetingTextLanguagesOf(db, meetingId));
  return meetingTextLanguages.filter((l) => written.has(l));
}

/**
 * The meeting in the reader's language: every text written in it replaces the bokmål one.
 * A translated agenda keeps the bokmål agenda's times; one that no longer has a line per item
 * (the bokmål agenda changed since) is not used.
 */
export function localisedMeeting(
  db: DB,
  meeting: Meeting,
  language: PageLanguage,
  agenda: AgendaItem[] = getAgenda(db, meeting.id),
): LocalisedMeeting {
  if (language === defaultLanguage) return { meeting, agenda, fallback: {} };
  const texts = meetingTextsOf(db, meeting.id, language);
  const translatedAgenda = texts.agenda ? parseAgenda(texts.agenda) : [];
  const agendaFits = translatedAgenda.length > 0 && translatedAgenda.length === agenda.length;
  const fallback: LocalisedMeeting["fallback"] = {};
  for (const field of TRANSLATED_FIELDS) {
    const bokmal = field === "agenda" ? agenda.length > 0 : meeting[field] !== "";
    const given = field === "agenda" ? agendaFits : Boolean(texts[field]);
    if (bokmal && !given) fallback[field] = "nb";
  }
  return {
    meeting: {
      ...meeting,
      title: texts.title || meeting.title,
      description: texts.description || meeting.description,
      accessibility: texts.accessibility || meeting.accessibility,
      whatToBring: texts.whatToBring || meeting.whatToBring,
      questionGuidance: texts.questionGuidance || meeting.questionGuidance,
    },
    agenda: agendaFits
      ? agenda.map((item, i) => ({ ...item, title: translatedAgenda[i]!.title }))
      : agenda,
    fallback,
  };
}

/** Saves a meeting's texts in one language, replacing what it had there (audited). */
export function saveMeetingTexts(
  db: DB,
  organiser: Organiser,
  meeting: Meeting,
  language: MeetingTextLanguage,
  texts: TranslatedTexts,
) {
  replaceMeetingTexts(db, meeting.id, language, texts);
  audit(db, organiser, "meeting.texts", {
    meetingId: meeting.id,
    target: meeting.title,
    details: {
      language,
      fields: TRANSLATED_FIELDS.filter((field) => Boolean(texts[field])),
    },
  });
}
