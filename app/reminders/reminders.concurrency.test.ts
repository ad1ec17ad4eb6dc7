import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { getMeetingById } from "../../db/meetings";
import { listMessages } from "../../db/outbox";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { register } from "../registrations/registrations.server";

const run = promisify(execFile);
const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
let env: ReturnType<typeof tempDatabase>;
beforeEach(() => (env = tempDatabase()));
afterEach(() => env.cleanup());

it("queues each reminder once when several processes run the scheduler at the same instant", async () => {
  const ctx = { db: env.db, publicUrl: "http://localhost", mailFrom: "test@example.no" };
  const start = new Date(Date.now() + 10 * 24 * 3_600_000);
  start.setUTCMinutes(0, 0, 0);
  const meetingId = createTestMeeting(env.db, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    capacity: 100,
    reminderHours: [24],
  });
  const people = 30;
  for (let i = 0; i < people; i++) {
    register(ctx, meetingId, {
      name: `Person ${i}`,
      email: `p${i}@example.no`,
      partySize: 1,
      needs: noNeeds,
    });
  }
  const due = new Date(
    Date.parse(getMeetingById(env.db, meetingId)!.startsAt) - 24 * 3_600_000 + 60_000,
  );
  const root = projectRoot();
  const startAt = Date.now() + 1500;
  const results = await Promise.all(
    Array.from({ length: 3 }, () =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(root, "app/testing/reminder-burst.ts"),
          env.file,
          due.toISOString(),
          String(startAt),
          "3",
        ],
        { cwd: root, timeout: 60_000 },
      ),
    ),
  );
  const queued = results.map((r) => (JSON.parse(r.stdout) as { queued: number }).queued);
  expect(queued.reduce((a, b) => a + b, 0)).toBe(people);
  const reminders = listMessages(env.db).filter((m) => m.purpose === "reminder");
  expect(reminders).toHaveLength(people);
  expect(new Set(reminders.map((m) => m.toAddress)).size).toBe(people);
}, 90_000);
