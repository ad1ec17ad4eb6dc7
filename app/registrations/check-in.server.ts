/**
 * Check-in at the door: how many of a party came in, and undoing a count made by mistake.
 * Audited; a cancelled registration cannot be checked in.
 */
import { immediate } from "../../db/connection";
import type { Organiser } from "../../db/organisers";
import { getRegistration, setCheckedIn } from "../../db/registrations";
import { msg } from "../i18n";
import { audit } from "../platform/audit.server";
import { Refusal } from "../platform/refusal.server";
import { idField } from "../platform/intent.server";
import type { ServiceContext } from "../platform/service.server";
import { z } from "../platform/zod";
import { RegistrationError } from "./registrations.server";

/** The rule for a count at the door: at least one of the party and no more than all of it. */
function requireValidArrival(partySize: number, people: number) {
  if (!Number.isInteger(people) || people < 1 || people > partySize) {
    throw new Refusal(msg("error.checkin.people", { count: partySize }), { field: "people" });
  }
}

/**
 * Records how many of a party came through the door: all of it, or part (three of a party of
 * four). A new count replaces the last one and keeps the first arrival's time, so the fourth
 * who comes later is added by counting again.
 */
export function checkIn(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
  people: number,
) {
  return recordArrival(ctx, organiser, registrationId, people);
}

/** Undoes a check-in made by mistake: nobody of the party has arrived. */
export function undoCheckIn(ctx: ServiceContext, organiser: Organiser, registrationId: number) {
  return recordArrival(ctx, organiser, registrationId, null);
}

function recordArrival(
  ctx: ServiceContext,
  organiser: Organiser,
  registrationId: number,
  people: number | null,
) {
  return immediate(ctx.db, () => {
    const current = getRegistration(ctx.db, registrationId);
    if (!current || current.status === "cancelled") throw new RegistrationError("closed");
    // Check-in is for the hall; someone signed up online is moved to the hall first.
    if (people !== null && current.attendance === "online") {
      throw new Refusal("error.checkin.online");
    }
    if (people !== null) requireValidArrival(current.partySize, people);
    setCheckedIn(ctx.db, current.id, people);
    audit(ctx.db, organiser, people === null ? "checkin.undo" : "checkin.arrived", {
      meetingId: current.meetingId,
      target: current.name,
      details: { registrationId, people, partySize: current.partySize },
    });
    return getRegistration(ctx.db, registrationId)!;
  });
}

/**
 * The door's buttons. A party of one posts no count: without one, the whole party has arrived.
 * `q` is the search the list was showing, kept for the way back.
 */
export const checkInIntents = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("arrived"),
    registrationId: idField,
    // Checked by the arrival rule, which words the refusal for the party's size.
    people: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : Number(v))),
    q: z.string().max(100).default(""),
  }),
  z.object({
    intent: z.literal("undo"),
    registrationId: idField,
    q: z.string().max(100).default(""),
  }),
]);
