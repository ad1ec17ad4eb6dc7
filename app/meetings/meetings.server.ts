/**
 * Meetings: what a meeting is and how the public sees it. This module serves the public pages;
 * editor.server.ts holds organisers' changes (and the SEQUENCE of its calendar event),
 * dashboard.server.ts their overview, calendar.server.ts the one iCalendar helper.
 */
import { data } from "react-router";
import type { DB } from "../../db/connection";
import {
  getAgenda,
  getMeetingBySlug,
  getThemes,
  listUpcomingPublished,
  type Meeting,
} from "../../db/meetings";
import { markdownToHtml } from "./markdown.server";
import { meetingPhase } from "./phase";
import { registrationClosedReason, seatsLeft } from "../registrations/registrations.server";

export function notFound(): never {
  throw data({ title: "meeting.notFound.title", body: "meeting.notFound.body" }, { status: 404 });
}

/** A published (or cancelled, so people learn it is off) meeting by its slug, else 404. */
export function requirePublicMeeting(db: DB, slug: string): Meeting {
  const meeting = getMeetingBySlug(db, slug);
  if (!meeting || meeting.status === "draft") notFound();
  return meeting;
}

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
    running: meetingPhase(meeting) === "running",
    seatsLeft: seatsLeft(db, meeting),
  }));
}
