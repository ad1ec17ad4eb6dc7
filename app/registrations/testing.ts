// For tests: a sign-up through the public form's rules that must create a new registration.
import {
  register,
  type CitizenRegistrationInput,
  type ServiceContext,
  type SignUpSource,
} from "./registrations.server";

export function signUp(
  ctx: ServiceContext,
  meetingId: number,
  input: CitizenRegistrationInput,
  source?: SignUpSource,
) {
  const outcome = register(ctx, meetingId, input, source);
  if (outcome.kind === "known") throw new Error(`${input.email} was already registered`);
  return outcome;
}
