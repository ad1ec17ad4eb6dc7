/**
 * What the public pages show of a meeting with its registrations: the front page's list and
 * one meeting's page, each with the seats left and whether sign-up is open.
 */
import type { DB } from "../../db/connection";
import { getThemes, listUpcomingPublished, type Meeting } from "../../db/meetings";
import type { PageLanguage } from "../i18n";
import { markdownToHtml } from "../meetings/markdown.server";
import { localisedMeeting } from "../meetings/meeting-texts.server";
import { meetingPhase } from "../meetings/phase";
import { changeClosedReason, placesLeft, seatsLeft } from "./registrations.server";

/** Online places left: null when online has no limit, 0 when the meeting is not streamed. */
function onlineLeft(db: DB, meeting: Meeting): number | null {
  const left = placesLeft(db, meeting, "online");
  return Number.isFinite(left) ? left : null;
}

/**
 * The meeting page's meeting, in the reader's language where the organiser wrote it
 * (meetings/meeting-texts.server.ts); `textLang` is the `lang` of each text shown in bokmål
 * instead.
 */
export function publicMeetingView(db: DB, original: Meeting, language: PageLanguage) {
  const { meeting, agenda, fallback } = localisedMeeting(db, original, language);
  return {
    meeting,
    textLang: fallback,
    descriptionHtml: markdownToHtml(meeting.description),
    agenda,
    themes: getThemes(db, meeting.id),
    seatsLeft: seatsLeft(db, meeting),
    onlineLeft: onlineLeft(db, meeting),
    closedReason: changeClosedReason(meeting, "signUp"),
  };
}

/** The front page's meetings, each titled in the reader's language where it was written. */
export function upcomingMeetings(db: DB, language: PageLanguage) {
  return listUpcomingPublished(db).map((original) => {
    const { meeting, fallback } = localisedMeeting(db, original, language, []);
    return { meeting, titleLang: fallback.title, ...counts(db, meeting) };
  });
}

function counts(db: DB, meeting: Meeting) {
  return {
    running: meetingPhase(meeting) === "running",
    seatsLeft: seatsLeft(db, meeting),
    onlineLeft: onlineLeft(db, meeting),
  };
}
