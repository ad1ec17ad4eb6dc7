/**
 * 500 concurrent "Jeg lurer også på dette" on one question from distinct visitors (issue 10,
 * section 2), for resilience/question-support.test.ts. The app runs with TRUST_PROXY=loopback:
 * each visitor comes from its own X-Forwarded-For address with its own (empty) cookie jar, so
 * neither the per-IP limit nor the one-support-per-person cookie merges two visitors.
 */
import type { DB } from "../../db/connection";
import type { RunningApp } from "./app";

export interface QuestionHooks {
  /** An approved, public question at `meetingId`; its id and the page that shows its form. */
  createApprovedQuestion(db: DB, meetingId: number): { questionId: number; pagePath: string };
  /** The support form for `questionId` as found on `pageHtml`: where it posts, what it sends. */
  supportForm(
    pageHtml: string,
    questionId: number,
  ): { path: string; fields: Record<string, string> };
  /** The support count as stored. */
  supportCount(db: DB, questionId: number): number;
}

export async function supportRush(
  app: RunningApp,
  hooks: QuestionHooks,
  meetingId: number,
  visitors = 500,
): Promise<{ statuses: number[]; stored: number }> {
  const { questionId, pagePath } = hooks.createApprovedQuestion(app.db, meetingId);
  const statuses = await Promise.all(
    Array.from({ length: visitors }, async (_, i) => {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      const page = await fetch(app.base + pagePath, { headers: { "X-Forwarded-For": address } });
      const cookie = page.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const { path, fields } = hooks.supportForm(await page.text(), questionId);
      const response = await fetch(app.base + path, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-For": address,
          Origin: app.base,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: new URLSearchParams(fields),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  return { statuses, stored: hooks.supportCount(app.db, questionId) };
}
