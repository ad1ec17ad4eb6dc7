import { afterEach, beforeEach, expect, it } from "vitest";
import { getMeetingBySlug } from "../../db/meetings";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { changeMeetingStatus, deleteDraft } from "./editor.server";
import { ROROS_QUESTION_GUIDANCE, seedDemoMeeting } from "./demo.server";

let env: ReturnType<typeof serviceTestEnv>;
beforeEach(() => {
  env = serviceTestEnv();
});
afterEach(() => env.cleanup());

it("seeds the demo, with its own guidance for askers, on an empty database only", () => {
  expect(seedDemoMeeting(env.db)).toBe(true);
  const demo = getMeetingBySlug(env.db, "smahus-gjosvika")!;
  expect(demo.status).toBe("published");
  expect(demo.questionGuidance).toBe(ROROS_QUESTION_GUIDANCE);
  expect(demo.questionGuidance).toContain("hvem som skal bo i småhusene");
  expect(seedDemoMeeting(env.db)).toBe(false);

  // An organiser takes it down and deletes it: the next start leaves the database empty.
  const organiser = testOrganiser(env.db);
  changeMeetingStatus(env.ctx, organiser, demo.id, "unpublish");
  deleteDraft(env.ctx, organiser, demo.id);
  expect(seedDemoMeeting(env.db)).toBe(false);
  expect(getMeetingBySlug(env.db, "smahus-gjosvika")).toBeUndefined();
});
