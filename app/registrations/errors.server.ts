import type { SubmissionResult } from "@conform-to/react";
import { RegistrationError } from "./registrations.server";

type Submission = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/** "Only N seats left" as a message key, in the right number. */
export function noRoom(available: number): string {
  if (available <= 0) return "error.registration.noRoomNone";
  if (available === 1) return "error.registration.noRoomOne";
  return `error.registration.noRoom|${JSON.stringify({ available })}`;
}

/** The citizen's version: how many people their own registration can hold right now. */
export function partySizeNoRoom(available: number): string {
  return available === 1
    ? "error.partySize.noRoomOne"
    : `error.partySize.noRoom|${JSON.stringify({ available })}`;
}

/** A RegistrationError as form errors an organiser can act on; anything else is rethrown. */
export function replyToRegistrationError(submission: Submission, error: unknown): SubmissionResult<string[]> {
  if (!(error instanceof RegistrationError)) throw error;
  switch (error.code) {
    case "noRoom":
      return submission.reply({
        fieldErrors: { partySize: [noRoom(error.available)] },
      });
    case "duplicateEmail":
      return submission.reply({ fieldErrors: { email: ["error.registration.duplicateEmail"] } });
    default:
      return submission.reply({ formErrors: [`error.registration.${error.code}`] });
  }
}

/** The citizen's forms: too few seats is about the party size; anything else means closed. */
export function replyToCitizenRegistrationError(
  submission: Submission,
  error: unknown,
): SubmissionResult<string[]> {
  if (!(error instanceof RegistrationError)) throw error;
  return error.code === "noRoom"
    ? submission.reply({ fieldErrors: { partySize: [partySizeNoRoom(error.available)] } })
    : submission.reply({ formErrors: ["rsvp.notOpen"] });
}
