// For unit tests of the services: a fresh SQLite file with the context a service call needs,
// and an organiser to act as.
import type { DB } from "../../db/connection";
import { getOrganiserById, insertOrganiser, type NewOrganiser } from "../../db/organisers";
import { getMeetingById } from "../../db/meetings";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import type { ServiceContext } from "../platform/service.server";
import { fillFreeSeats } from "../registrations/registrations.server";
import { signUp } from "../registrations/testing";

export const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };

/** A migrated test database (removed by `cleanup`) and a service context over it. */
export function serviceTestEnv(overrides: Partial<Omit<ServiceContext, "db">> = {}) {
  const env = tempDatabase();
  const ctx: ServiceContext = {
    db: env.db,
    publicUrl: "https://moter.roros.kommune.no",
    mailFrom: "post@roros.kommune.no",
    fillFreeSeats,
    ...overrides,
  };
  return { ...env, ctx };
}

/** An organiser account to act as; its password hash is no hash, so it cannot log in. */
export function testOrganiser(db: DB, overrides: Partial<NewOrganiser> = {}) {
  const id = insertOrganiser(db, {
    email: "kim@roros.kommune.no",
    name: "Kim",
    role: "organiser",
    passwordHash: "x",
    ...overrides,
  });
  return getOrganiserById(db, id)!;
}

/**
 * What the tests that walk every route of a running server fill the `:id`, `:slug`,
 * `:registrationId` and `:token` of a path with: a meeting of five seats with Kari signed up.
 */
export function meetingWithKari(db: DB) {
  const meetingId = createTestMeeting(db, { capacity: 5 });
  const ctx = { db, publicUrl: "http://127.0.0.1", mailFrom: "post@example.no" };
  const outcome = signUp(ctx, meetingId, {
    name: "Kari Nordmann",
    email: "kari@example.no",
    partySize: 1,
    needs: noNeeds,
  });
  return {
    meetingId,
    slug: getMeetingById(db, meetingId)!.slug,
    registrationId: outcome.registration.id,
    token: outcome.token,
  };
}
