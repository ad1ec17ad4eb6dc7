/**
 * Moving a meeting in time, for journeys that need it running or over. The editor rightly
 * refuses to put a meeting in the past, so the times are written straight into server 1's
 * database with the app's own db module, relative to the clock, as the passing of time would.
 */
import type { DB } from "../../db/connection";
import { getMeetingById, updateMeeting } from "../../db/meetings";

const HOUR = 3600_000;

/** Hours from now to the start and to the end. */
const spans = {
  /** Starts in ten minutes: inside the stream link's default 15 minutes before the start. */
  soon: [1 / 6, 2],
  /** Started half an hour ago, an hour and a half to go. */
  running: [-0.5, 1.5],
  /** Ended an hour ago. */
  ended: [-3, -1],
} as const;

export function moveMeeting(db: DB, id: number, to: keyof typeof spans) {
  const {
    id: _id,
    status: _s,
    sequence: _q,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = getMeetingById(db, id)!;
  const [start, end] = spans[to];
  updateMeeting(db, id, {
    ...fields,
    startsAt: new Date(Date.now() + start * HOUR).toISOString(),
    endsAt: new Date(Date.now() + end * HOUR).toISOString(),
  });
}
