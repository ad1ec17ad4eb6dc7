/**
 * The link shared in the local paper: 1,000 sign-ups at once over HTTP for a 300-seat meeting,
 * 50 of them sent twice at the same moment (a double click). Exactly 300 seats go, everyone
 * else waits in line, nobody is registered twice and nothing answers 5xx. Every post gets the
 * same "check your email" answer, so the outcome is read from the database.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestMeeting } from "../db/testing";
import { portFor } from "../app/testing/ports";
import {
  count,
  honeypotTimestamp,
  postForm,
  rsvpFields,
  startApp,
  type RunningApp,
} from "./support/app";

const SEATS = 300;
const PEOPLE = 950;
const DOUBLE_CLICKS = 50;

let app: RunningApp;
let meetingId = 0;

beforeAll(async () => {
  app = await startApp({
    port: portFor(20),
    prepare: (db) => {
      meetingId = createTestMeeting(db, { slug: "rush", capacity: SEATS, maxPartySize: 4 });
    },
  });
});

afterAll(async () => {
  await app?.cleanup();
});

it("fills exactly the seats there are, waitlists the rest, and registers nobody twice", async () => {
  const url = `${app.base}/meetings/rush`;
  const validFrom = await honeypotTimestamp(url);
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    name: `Person ${i}`,
    email: `rush-${i}@example.no`,
  }));
  const requests = [...people, ...people.slice(0, DOUBLE_CLICKS)];
  // A dropped connection counts as a failure too (599), beside the email it was for.
  const responses = await Promise.all(
    requests.map((p) =>
      postForm(url, rsvpFields(validFrom, p)).catch((e: unknown) => ({
        status: 599,
        location: null,
        body: `${p.email}: ${String(e)} ${e instanceof Error ? String(e.cause) : ""}`,
      })),
    ),
  );
  expect(
    responses.filter((r) => r.status >= 500).map((r) => `${r.status} ${r.body.slice(0, 200)}`),
  ).toEqual([]);

  const statuses = responses.map((r) => r.status);
  // One answer for every accepted post (ADR 0006); the outcome travels by mail.
  expect(new Set(statuses)).toEqual(new Set([302]));
  expect(new Set(responses.map((r) => r.location))).toEqual(new Set(["/meetings/rush/sent"]));

  const people_ = (status: string) =>
    count(
      app.db,
      "SELECT coalesce(sum(party_size), 0) AS n FROM registrations WHERE meeting_id = ? AND status = ?",
      meetingId,
      status,
    );
  expect(people_("confirmed")).toBe(SEATS);
  expect(people_("waitlisted")).toBe(PEOPLE - SEATS);
  expect(
    count(app.db, "SELECT count(*) AS n FROM registrations WHERE meeting_id = ?", meetingId),
  ).toBe(PEOPLE);
  expect(
    count(
      app.db,
      "SELECT count(DISTINCT email_key) AS n FROM registrations WHERE meeting_id = ?",
      meetingId,
    ),
  ).toBe(PEOPLE);
  // Every registration is whole: a personal link and a queued mail beside it.
  expect(
    count(
      app.db,
      "SELECT count(*) AS n FROM registrations r WHERE NOT EXISTS (SELECT 1 FROM registration_tokens t WHERE t.registration_id = r.id)",
    ),
  ).toBe(0);
  expect(count(app.db, "SELECT count(DISTINCT to_address) AS n FROM outbox")).toBe(PEOPLE);
});
