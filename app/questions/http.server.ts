import { data } from "react-router";
import type { RateLimiter } from "../platform/rate-limit.server";

/**
 * Request plumbing shared by the question routes. A body that is not a form (wrong content
 * type, cut off, too large for the framework) is the sender's mistake: 400, never 500.
 */
export async function formDataOr400(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ title: "error.badRequest.title", body: "error.question.badForm" }, { status: 400 });
  }
}

/** Counts one hit; over the limit, the form error key and the Retry-After seconds. */
export function overLimit(limiter: RateLimiter, ip: string): { message: string; retryAfter: number } | null {
  const wait = limiter.hit(ip);
  if (wait === null) return null;
  const minutes = Math.max(1, Math.ceil(wait / 60));
  return {
    message:
      minutes === 1 ? "questions.rateLimitedOneMinute" : `questions.rateLimited|${JSON.stringify({ minutes })}`,
    retryAfter: wait,
  };
}
