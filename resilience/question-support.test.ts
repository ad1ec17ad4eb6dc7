/**
 * 500 people press "Jeg lurer også på dette" on the same question at once: the count is exact
 * (one each, none lost, none doubled) and nothing answers 5xx.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { getQuestion, insertQuestion, setStatus } from "../db/questions";
import { createTestMeeting } from "../db/testing";
import { portFor } from "../app/testing/ports";
import { startApp, type RunningApp } from "./support/app";
import { supportRush } from "./support/question-support";

const VISITORS = 500;
let app: RunningApp;
let meetingId = 0;

beforeAll(async () => {
  app = await startApp({
    port: portFor(32),
    env: { TRUST_PROXY: "loopback" },
    prepare: (db) => {
      meetingId = createTestMeeting(db, { slug: "support-rush" });
    },
  });
});

afterAll(async () => {
  await app?.cleanup();
});

it("counts every support exactly once", async () => {
  const { statuses, stored } = await supportRush(
    app,
    {
      createApprovedQuestion(db, id) {
        const questionId = insertQuestion(db, {
          meetingId: id,
          theme: null,
          text: "Hvor mange skal bo i småhusene?",
          askerName: null,
          showName: false,
          askerEmail: null,
          source: "web",
        });
        setStatus(db, questionId, "approved");
        return { questionId, pagePath: "/meetings/support-rush/questions" };
      },
      supportForm: (_html, questionId) => ({
        path: "/meetings/support-rush/questions",
        fields: { intent: "support", questionId: String(questionId) },
      }),
      supportCount: (db, questionId) => getQuestion(db, questionId)!.supportCount,
    },
    meetingId,
    VISITORS,
  );
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  expect(statuses.filter((s) => s >= 400)).toEqual([]);
  expect(stored).toBe(VISITORS);
});
