import { msg } from "../i18n";
import type { SubmissionResult } from "@conform-to/react";
import { RegistrationError } from "./registrations.server";

type Submission = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
  }): SubmissionResult<string[]>;
};

/** The citizen's version: how many people their own registration can hold right now. */
const partySizeNoRoom = (available: number) =>
  msg("error.partySize.noRoom", { count: Math.max(0, available) });

/**
 * The citizen's forms: too few seats is about the party size, too many people from one
 * network has its own message; anything else means closed.
 */
export function replyToCitizenRegistrationError(
  submission: Submission,
  error: unknown,
): SubmissionResult<string[]> {
  if (!(error instanceof RegistrationError)) throw error;
  switch (error.code) {
    case "noRoom":
      return submission.reply({ fieldErrors: { partySize: [partySizeNoRoom(error.available)] } });
    case "noRoomThere":
      return submission.reply({ fieldErrors: { attendance: ["error.attendance.noRoom"] } });
    case "clientLimit":
      return submission.reply({
        formErrors: [msg("rsvp.clientLimit", { count: error.available })],
      });
    case "browserLimit":
      return submission.reply({
        formErrors: [msg("rsvp.browserLimit", { count: error.available })],
      });
    default:
      return submission.reply({ formErrors: ["rsvp.notOpen"] });
  }
}
