import { msg } from "../i18n";
import type { SubmissionResult } from "@conform-to/react";
import { RegistrationError } from "./registrations.server";

type Submission = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/** "Only N seats left", for organisers. */
export const noRoom = (available: number) =>
  msg("error.registration.noRoom", { count: Math.max(0, available) });

/** The citizen's version: how many people their own registration can hold right now. */
export const partySizeNoRoom = (available: number) =>
  msg("error.partySize.noRoom", { count: Math.max(0, available) });

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
