import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import { createMailer } from "../../emails/transport";
import type { ServiceContext } from "../platform/service.server";
import { getMeetingById } from "../../db/meetings";
import { subscribe } from "../questions/subscriptions.server";
import { register } from "../registrations/registrations.server";
import { freePort } from "../testing/server";
import { meetingOutbox, readEml, retryMessage } from "./outbox-view.server";
import { createMailWorker } from "./worker.server";

const FROM = "Røros kommune <postmottak@roros.kommune.no>";
let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv({ mailFrom: FROM });
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

describe("the organisers' outbox view", () => {
  it("shows a failed message with its error, and a retry queues it again with fresh attempts", async () => {
    const id = createTestMeeting(env.db);
    const other = createTestMeeting(env.db);
    register(ctx, id, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    const port = await freePort();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      outboxDir: env.dir,
      from: FROM,
    });
    const worker = createMailWorker({ db: env.db, mailer, maxAttempts: 1, log: () => {} });
    await worker.runOnce();
    mailer.close();
    const [row] = meetingOutbox(env.db, id);
    expect(row).toMatchObject({
      status: "failed",
      attempts: 1,
      retryable: true,
      purpose: "registration",
    });
    expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(meetingOutbox(env.db, other)).toEqual([]);

    expect(retryMessage(ctx, organiser, other, row!.id)).toBe(false);
    expect(retryMessage(ctx, organiser, id, row!.id)).toBe(true);
    expect(meetingOutbox(env.db, id)[0]).toMatchObject({ status: "pending", attempts: 0 });
    expect(retryMessage(ctx, organiser, id, row!.id)).toBe(false);
    expect(listAudit(env.db, { limit: 5, offset: 0 }).some((a) => a.action === "mail.retry")).toBe(
      true,
    );
  });

  it("serves the .eml the file mailer wrote, only for this meeting's messages", async () => {
    const id = createTestMeeting(env.db);
    register(ctx, id, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    const outboxDir = `${env.dir}/outbox`;
    const worker = createMailWorker({
      db: env.db,
      mailer: createMailer({ outboxDir, from: FROM }),
      log: () => {},
    });
    await worker.runOnce();
    const [message] = listMessages(env.db);
    expect(meetingOutbox(env.db, id)[0]).toMatchObject({ status: "sent", hasEml: true });
    const eml = await readEml(env.db, organiser, outboxDir, id, message!.id);
    expect(eml?.toString("utf8")).toMatch(/^To: Kari Nordmann <kari@example.no>$/m);
    expect(await readEml(env.db, organiser, outboxDir, id + 1, message!.id)).toBeNull();
    env.db.prepare("UPDATE outbox SET eml_file = '../test.sqlite' WHERE id = ?").run(message!.id);
    expect(await readEml(env.db, organiser, outboxDir, id, message!.id)).toBeNull();
  });

  it("lists the mail to the meeting's subscribers and askers too, and none of another meeting's", () => {
    const id = createTestMeeting(env.db);
    const other = createTestMeeting(env.db);
    subscribe(ctx, getMeetingById(env.db, id)!, "nabo@example.no");
    subscribe(ctx, getMeetingById(env.db, other)!, "nabo@example.no");
    expect(meetingOutbox(env.db, id)).toMatchObject([
      { toAddress: "nabo@example.no", purpose: "other", status: "pending" },
    ]);
    expect(meetingOutbox(env.db, other)).toHaveLength(1);
  });
});
