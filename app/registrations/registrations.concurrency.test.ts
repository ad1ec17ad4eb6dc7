import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { listMessages } from "../../db/outbox";
import { countRegistrations, listRegistrations } from "../../db/registrations";
import { createTestMeeting, tempDatabase } from "../../db/testing";

const run = promisify(execFile);
let env: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  env = tempDatabase();
});
afterEach(() => env.cleanup());

it("never overbooks when several processes register at once at a small meeting", async () => {
  const capacity = 15;
  const meetingId = createTestMeeting(env.db, { capacity, maxPartySize: 3 });
  const processes = 6;
  const perProcess = 15;
  const startAt = Date.now() + 1500;
  const root = projectRoot();
  const results = await Promise.all(
    Array.from({ length: processes }, (_, p) =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(root, "app/testing/register-burst.ts"),
          env.file,
          String(meetingId),
          `p${p}`,
          String(perProcess),
          String(startAt),
        ],
        { cwd: root, timeout: 60_000 },
      ),
    ),
  );
  const outcomes = results.flatMap((r) => JSON.parse(r.stdout) as { kind: string }[]);
  expect(outcomes).toHaveLength(processes * perProcess);
  // Every registration was either confirmed or waitlisted; none failed or was lost.
  expect(outcomes.filter((o) => o.kind !== "confirmed" && o.kind !== "waitlisted")).toEqual([]);

  const counts = countRegistrations(env.db, meetingId);
  expect(counts.confirmedPeople).toBeLessThanOrEqual(capacity);
  expect(counts.confirmedRegistrations + counts.waitlistedRegistrations).toBe(
    processes * perProcess,
  );
  // With parties of 1–3 and many waiting, the seats are filled, not left empty.
  expect(counts.confirmedPeople).toBeGreaterThanOrEqual(capacity - 2);
  expect(outcomes.filter((o) => o.kind === "confirmed")).toHaveLength(
    counts.confirmedRegistrations,
  );
  // One confirmation or waitlist email per registration, written with it.
  expect(listMessages(env.db)).toHaveLength(processes * perProcess);
  expect(listRegistrations(env.db, meetingId)).toHaveLength(processes * perProcess);
}, 120_000);
