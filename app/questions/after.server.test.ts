import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { listAudit } from "../../db/audit";
import { getMeetingById, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { getMessage, listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createMailer } from "../../emails/transport";
import { createMailWorker } from "../mail/worker.server";
import type { ServiceContext } from "../platform/service.server";
import {
  addAttachment,
  attachmentMaxBytes,
  attachmentResponse,
  contentDisposition,
  isPdf,
  safeFilename,
} from "./after.server";
import { exportQuestions } from "./exports.server";
import { askQuestion } from "./questions.server";
import { publishAnswers } from "./answers.server";
import { approveQuestion } from "./moderation.server";
import {
  confirmSubscription,
  findSubscription,
  postCaseUpdate,
  subscribe,
  unsubscribe,
} from "./subscriptions.server";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let meeting: Meeting;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv({
    publicUrl: "https://folkemote.example",
    mailFrom: "Røros kommune <post@roros.kommune.no>",
  });
  ctx = env.ctx;
  meeting = getMeetingById(
    env.db,
    createTestMeeting(env.db, { themes: [{ title: "Trafikk", description: "" }] }),
  )!;
  organiser = testOrganiser(env.db, { email: "kari@roros.kommune.no", name: "Kari" });
});
afterEach(() => env.cleanup());

const pdf = (name: string, body = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n") =>
  new File([body], name, { type: "application/pdf" });

describe("attachments", () => {
  it("accepts a PDF by its bytes, not its name or declared type", async () => {
    expect(isPdf(Buffer.from("%PDF-1.4"))).toBe(true);
    expect(isPdf(Buffer.from("<html><script>"))).toBe(false);
    const fake = new File(["<html><script>alert(1)</script>"], "lysark.pdf", {
      type: "application/pdf",
    });
    expect(await addAttachment(env.db, organiser, meeting, fake)).toBe("notPdf");
    expect(await addAttachment(env.db, organiser, meeting, null)).toBe("missing");
    const big = new File([new Uint8Array(attachmentMaxBytes() + 1)], "stor.pdf");
    expect(await addAttachment(env.db, organiser, meeting, big)).toBe("tooLarge");
    expect(await addAttachment(env.db, organiser, meeting, pdf("Lysark møte.pdf"))).toBeNull();
    expect(listAudit(env.db, { limit: 5 }).map((a) => a.action)).toEqual(["attachment.add"]);
  });

  it("serves it only once answers are published, as a download with a safe name", async () => {
    await addAttachment(env.db, organiser, meeting, pdf('../../etc/"passwd"\r\nX-Evil: 1.pdf'));
    const id = String(
      (env.db.prepare("SELECT id FROM meeting_attachments").get() as { id: number }).id,
    );
    expect(() => attachmentResponse(env.db, meeting, id)).toThrow();
    publishAnswers(ctx, organiser, meeting);
    const response = attachmentResponse(env.db, meeting, id);
    const disposition = response.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[^"\r\n/\\]+\.pdf"; filename\*=UTF-8''/);
    expect(disposition).not.toContain("\n");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("makes names safe for headers and file systems", () => {
    expect(safeFilename("Lysark – Røros.PDF")).toBe("Lysark _ Røros.pdf");
    expect(safeFilename("C:\\temp\\..\\slides.pdf")).toBe("slides.pdf");
    expect(safeFilename("...")).toBe("vedlegg.pdf");
    expect(contentDisposition("Røros møte – Æ.pdf")).toBe(
      `attachment; filename="Roros mote  AE.pdf"; filename*=UTF-8''R%C3%B8ros%20m%C3%B8te%20%E2%80%93%20%C3%86.pdf`,
    );
  });
});

describe("the panel's exports", () => {
  it("neutralise formulas and leave names out unless asked (and log it)", async () => {
    const ask = (text: string, name: string) =>
      askQuestion(
        ctx,
        meeting.id,
        { themeValue: "1", text, name, showName: false, email: null, source: "web" },
        text,
      ).question;
    for (const q of [ask("=cmd|' /C calc'!A0", "@Per"), ask("Hva koster det?", "Åse")])
      approveQuestion(ctx, organiser, q.id);

    const plain = await exportQuestions(env.db, organiser, meeting, "csv", "agenda", false);
    const rows = parse(String(plain.body).replace(/^\uFEFF/, ""), { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(rows[0]!)).toEqual(["Nr.", "Tema", "Spørsmål", "Støtte", "Svar"]);
    expect(rows.map((r) => r["Spørsmål"])).toEqual(["'=cmd|' /C calc'!A0", "Hva koster det?"]);
    expect(String(plain.body)).not.toContain("Åse");

    const named = await exportQuestions(env.db, organiser, meeting, "xlsx", "support", true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(named.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Spørsmål")!;
    expect(sheet.getRow(1).getCell(6).value).toBe("Spurt av");
    // XLSX keeps text as typed, in string cells; only the CSV needs the quote.
    const names = [2, 3].map((r) => sheet.getRow(r).getCell(6));
    expect(names.map((c) => c.value)).toEqual(expect.arrayContaining(["@Per", "Åse"]));
    for (const cell of names) expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(listAudit(env.db, { limit: 10 }).map((a) => a.action)).toEqual(
      expect.arrayContaining(["questions.export.csv", "questions.export.xlsx.withNames"]),
    );
  });
});

describe("keep me updated", () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await startSmtpSink();
  });
  afterEach(async () => {
    await sink.stop();
  });

  it("needs confirmation, mails updates with one-click unsubscribe headers, and stops after it", async () => {
    subscribe(ctx, meeting, "Nabo@Example.no");
    subscribe(ctx, meeting, "nabo@example.no");
    const confirmMails = listMessages(env.db).filter((m) => m.template === "case-confirm");
    expect(confirmMails).toHaveLength(2);
    // Not confirmed yet: an update reaches nobody.
    expect(postCaseUpdate(ctx, organiser, meeting, { title: "Nytt", body: "Tekst" })).toBe(0);

    const token = /\/updates\/confirm\/([\w-]+)/.exec(confirmMails[1]!.payload!)![1]!;
    const found = findSubscription(env.db, "confirm", token)!;
    expect(findSubscription(env.db, "unsubscribe", token)).toBeUndefined();
    confirmSubscription(env.db, found.subscription);
    subscribe(ctx, meeting, "nabo@example.no");
    expect(listMessages(env.db).filter((m) => m.template === "case-confirm")).toHaveLength(2);

    expect(
      postCaseUpdate(ctx, organiser, meeting, {
        title: "Byggestart",
        body: "Byggingen starter i mai.",
      }),
    ).toBe(1);
    const update = listMessages(env.db).find((m) => m.template === "case-update")!;
    const worker = createMailWorker({
      db: env.db,
      mailer: createMailer({ smtpUrl: sink.url, outboxDir: env.dir, from: ctx.mailFrom }),
      log: () => {},
    });
    await worker.runOnce();
    const received = (await sink.waitFor(3)).find(
      (m) => m.subject === "Nytt om saken: Byggestart",
    )!;
    const header = received.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
    const url = /<(https:\/\/folkemote\.example\/updates\/unsubscribe\/[\w-]+)>/.exec(header)![1]!;
    expect(received.headerLines.find((h) => h.key === "list-unsubscribe-post")!.line).toBe(
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    );
    // Sent: the personal links are gone from the outbox row, with the payload.
    expect(getMessage(env.db, update.id)).toMatchObject({
      status: "sent",
      payload: null,
      headers: null,
    });

    const leaving = findSubscription(env.db, "unsubscribe", url.split("/").pop()!)!;
    unsubscribe(env.db, env.dir, leaving.subscription);
    expect(postCaseUpdate(ctx, organiser, meeting, { title: "Mer", body: "Tekst" })).toBe(0);
    expect(
      env.db
        .prepare("SELECT count(*) AS n FROM case_subscriptions WHERE email LIKE '%nabo%'")
        .get(),
    ).toEqual({ n: 0 });
    // The mail sent to the address goes with it: the confirmations and the update.
    const kept = listMessages(env.db).filter((m) => m.subscriptionId === leaving.subscription.id);
    expect(kept.length).toBe(3);
    for (const m of kept) expect(m).toMatchObject({ toAddress: "", payload: null });
    expect(JSON.stringify(listMessages(env.db))).not.toMatch(/nabo/i);
    expect(
      findSubscription(env.db, "unsubscribe", url.split("/").pop()!)?.subscription.status,
    ).toBe("unsubscribed");
    // An old confirm link cannot bring back a subscription that has no address any more.
    expect(findSubscription(env.db, "confirm", token)).toBeUndefined();
  });
});
