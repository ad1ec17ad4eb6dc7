import type { SubmissionResult } from "@conform-to/react";
import { RegistrationError } from "./registrations.server";

type Submission = { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> };

/** A RegistrationError as form errors an organiser can act on; anything else is rethrown. */
export function replyToRegistrationError(submission: Submission, error: unknown): SubmissionResult<string[]> {
  if (!(error instanceof RegistrationError)) throw error;
  switch (error.code) {
    case "noRoom":
      return submission.reply({
        fieldErrors: { partySize: [`error.registration.noRoom|${JSON.stringify({ available: error.available })}`] },
      });
    case "duplicateEmail":
      return submission.reply({ fieldErrors: { email: ["error.registration.duplicateEmail"] } });
    default:
      return submission.reply({ formErrors: [`error.registration.${error.code}`] });
  }
}
