/**
 * What the public pages show of a meeting with its registrations: the front page's list and
 * one meeting's page, each with the seats left and whether sign-up is open.
 */
import type { DB } from "../../db/connection";
import { getAgenda, getThemes, listUpcomingPublished, type Meeting } from "../../db/meetings";
import { markdownToHtml } from "../meetings/markdown.server";
import { registrationClosedReason, seatsLeft } from "./registrations.server";

export function publicMeetingView(db: DB, meeting: Meeting) {
  return {
    meeting,
    descriptionHtml: markdownToHtml(meeting.description),
    agenda: getAgenda(db, meeting.id),
    themes: getThemes(db, meeting.id),
    seatsLeft: seatsLeft(db, meeting),
    closedReason: registrationClosedReason(meeting),
  };
}

export function upcomingMeetings(db: DB) {
  return listUpcomingPublished(db).map((meeting) => ({
    meeting,
    seatsLeft: seatsLeft(db, meeting),
  }));
}
