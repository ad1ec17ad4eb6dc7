/**
 * The one way an expected failure travels: a service throws a Refusal (inside a transaction
 * the throw also rolls the change back), and the action answers it with replyWithRefusal().
 * Anything else that is thrown is a bug and stays a 500.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "react-router";
import type { MessageKey } from "../i18n";

export interface RefusalOptions {
  /** The form field the message belongs beside; none for a message about the whole form. */
  field?: string;
  /** The HTTP status the answer carries: 400 unless said otherwise. */
  status?: 400 | 403 | 404 | 409 | 413 | 429 | 503;
  /** For 429 and 503: when to try again. */
  retryAfterSeconds?: number;
}

export class Refusal extends Error {
  readonly field: string | null;
  readonly status: number;
  readonly retryAfterSeconds: number | null;

  /** message: a message key, or a msg() with its values. */
  constructor(message: string, options: RefusalOptions = {}) {
    super(message);
    this.name = "Refusal";
    this.field = options.field ?? null;
    this.status = options.status ?? 400;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

/**
 * The one 404: what is asked for is not there, or not for this visitor (a draft, another
 * meeting's id, a used link). The root error boundary shows `texts` (message keys) when given,
 * else the general "page not found"; personal links pass their private headers.
 */
export function notFound(
  texts: { title: MessageKey; body: MessageKey } | null = null,
  headers?: HeadersInit,
): never {
  throw data(texts, { status: 404, headers });
}

interface Submission {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
  }): SubmissionResult<string[]>;
}

/**
 * For an action that refuses before it reads the form (a blocked login address): the answer
 * carries the message at the top of the form, and nothing typed comes back.
 */
export const unreadForm: Submission = {
  reply: (options = {}) => ({
    status: "error",
    initialValue: null,
    error: { "": options.formErrors ?? null, ...options.fieldErrors },
  }),
};

/** A Refusal as the form's errors, beside its field or at the top; anything else is rethrown. */
function refusalReply(
  submission: Submission,
  error: unknown,
  options: { hideFields?: string[] } = {},
): SubmissionResult<string[]> {
  if (!(error instanceof Refusal)) throw error;
  return error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.message] }, ...options })
    : submission.reply({ formErrors: [error.message], ...options });
}

/** A Refusal's status and, for 429 and 503, its Retry-After: the init of the answer that carries it. */
export function refusalInit(refusal: Refusal): ResponseInit {
  return {
    status: refusal.status,
    headers: refusal.retryAfterSeconds
      ? { "Retry-After": String(refusal.retryAfterSeconds) }
      : undefined,
  };
}

/** The action's whole answer to a Refusal: the form's errors, its status and Retry-After. */
export function replyWithRefusal(
  submission: Submission,
  error: unknown,
  options: { hideFields?: string[] } = {},
) {
  const result = refusalReply(submission, error, options);
  return data({ result }, refusalInit(error as Refusal));
}
