import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { getQuestion } from "../../db/questions";
import { countRegistrations, getRegistration } from "../../db/registrations";
import { createTestMeeting } from "../../db/testing";
import { approveQuestion } from "../questions/moderation.server";
import { askQuestion, meetingThemeChoices } from "../questions/questions.server";
import {
  confirmSubscription,
  findSubscription,
  subscribe,
} from "../questions/subscriptions.server";
import { checkIn } from "../registrations/check-in.server";
import { findByToken, type ServiceContext } from "../registrations/registrations.server";
import { signUp } from "../registrations/testing";
import { noNeeds, serviceTestEnv, testOrganiser } from "../testing/services";
import {
  collectQuestionData,
  collectRegistrationData,
  eraseQuestionData,
  eraseRegistrationData,
  ownDataFile,
  shownOwnData,
} from "./own-data.server";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let organiser: Organiser;
let outboxDir: string;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  organiser = testOrganiser(env.db);
  outboxDir = `${env.dir}/outbox`;
  fs.mkdirSync(outboxDir, { recursive: true });
});
afterEach(() => env.cleanup());

function ask(meetingId: number, text: string, name: string, email: string | null) {
  const meeting = getMeetingById(env.db, meetingId)!;
  const themeValue = meetingThemeChoices(env.db, meeting)[0]!.value;
  const input = { themeValue, text, name, showName: true, email, source: "web" as const };
  return askQuestion(ctx, meetingId, input, `supporter-${name}`);
}

function subscribeConfirmed(meetingId: number, email: string) {
  subscribe(ctx, getMeetingById(env.db, meetingId)!, email);
  const mail = listMessages(env.db).findLast((m) => m.template === "case-confirm")!;
  const token = /\/updates\/confirm\/([\w-]+)/.exec(mail.payload!)![1]!;
  confirmSubscription(env.db, findSubscription(env.db, "confirm", token)!.subscription);
}

/** A full meeting: Astrid (seat, a question, updates), Berit (seat, a question), Vera waiting. */
function neighbourhood() {
  const meetingId = createTestMeeting(env.db, { capacity: 3 });
  const needs = { ...noNeeds, accessibility: true, text: "Rullestol" };
  const astrid = signUp(ctx, meetingId, {
    name: "Astrid Aas",
    email: "Astrid@example.no",
    partySize: 2,
    needs,
  });
  const berit = signUp(ctx, meetingId, {
    name: "Berit Bakke",
    email: "berit@example.no",
    partySize: 1,
    needs: noNeeds,
  });
  const vera = signUp(ctx, meetingId, {
    name: "Vera Venter",
    email: "vera@example.no",
    partySize: 2,
    needs: noNeeds,
  });
  const published = ask(meetingId, "Hvor blir parkeringen?", "Astrid Aas", "astrid@example.no");
  approveQuestion(ctx, organiser, published.question.id);
  const waiting = ask(
    meetingId,
    "Jeg bor i Gjøsvika 3, hva med meg?",
    "Astrid",
    "astrid@example.no",
  );
  const beritAsks = ask(meetingId, "Hvem skal bo der?", "Berit Bakke", "berit@example.no");
  subscribeConfirmed(meetingId, "astrid@example.no");
  return { meetingId, astrid, berit, vera, published, waiting, beritAsks };
}

describe("a person's own data", () => {
  it("through the personal link: the registration, the address's questions, updates and mail, nobody else's", () => {
    const { meetingId, astrid } = neighbourhood();
    const meeting = getMeetingById(env.db, meetingId)!;
    const own = collectRegistrationData(ctx, astrid.registration, meeting);
    expect(own.registration).toMatchObject({
      name: "Astrid Aas",
      email: "Astrid@example.no",
      partySize: 2,
      needs: { accessibility: true, text: "Rullestol" },
      status: "confirmed",
    });
    expect(own.questions.map((q) => q.text)).toEqual([
      "Hvor blir parkeringen?",
      "Jeg bor i Gjøsvika 3, hva med meg?",
    ]);
    expect(own.subscriptions).toMatchObject([{ email: "astrid@example.no", status: "confirmed" }]);
    expect(own.mail.map((m) => m.template).sort()).toEqual([
      "case-confirm",
      "question-receipt",
      "question-receipt",
      "registration",
    ]);
    const text = JSON.stringify(own);
    for (const other of ["Berit", "berit@", "Vera", "vera@", "Hvem skal bo"]) {
      expect(text).not.toContain(other);
    }
    // The download is the same data, as JSON, never cached.
    const file = ownDataFile(own, meeting.slug);
    expect(file.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(file.headers.get("Cache-Control")).toContain("no-store");
    expect(file.headers.get("Content-Disposition")).toBe(
      `attachment; filename="opplysninger-${meeting.slug}.json"`,
    );
  });

  it("through a receipt link: that question and its mail only, as the link proves no mailbox", () => {
    const { meetingId, waiting } = neighbourhood();
    const own = collectQuestionData(ctx, waiting.question, getMeetingById(env.db, meetingId)!);
    expect(own.registration).toBeNull();
    expect(own.questions.map((q) => q.text)).toEqual(["Jeg bor i Gjøsvika 3, hva med meg?"]);
    expect(own.subscriptions).toEqual([]);
    expect(own.mail.map((m) => m.template)).toEqual(["question-receipt"]);
  });

  it("shows times as Norwegians write them on the page", () => {
    const { meetingId, astrid } = neighbourhood();
    const own = collectRegistrationData(
      ctx,
      astrid.registration,
      getMeetingById(env.db, meetingId)!,
    );
    const shown = shownOwnData(own, "nb");
    expect(shown.registration!.createdAt).toMatch(/^\p{L}+ \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d$/u);
    expect(shown.registration!.name).toBe("Astrid Aas");
  });
});

describe("erasing one's own data", () => {
  it("frees the seat for the waitlist, keeps only the public text of a published question, and leaves nothing of the person", () => {
    const { meetingId, astrid, berit, vera, published, waiting, beritAsks } = neighbourhood();
    checkIn(ctx, organiser, astrid.registration.id, 1);
    const before = listMessages(env.db).length;

    const erased = eraseRegistrationData(ctx, astrid.registration.id, outboxDir);
    expect(erased).toEqual({
      cancelled: true,
      questionsKept: 1,
      questionsDeleted: 1,
      subscriptions: 1,
      mails: 4,
    });
    // Vera's party of two gets the seats; she is told of her seat, Astrid of nothing.
    expect(getRegistration(env.db, vera.registration.id)!.status).toBe("confirmed");
    const after = listMessages(env.db).slice(before);
    expect(after.map((m) => m.toAddress)).toEqual(["vera@example.no"]);
    expect(countRegistrations(env.db, meetingId).confirmedPeople).toBe(3);

    expect(findByToken(env.db, astrid.token)).toBeUndefined();
    expect(getQuestion(env.db, published.question.id)).toMatchObject({
      originalText: "Hvor blir parkeringen?",
      askerName: null,
      askerEmail: null,
      showName: false,
      status: "approved",
    });
    expect(getQuestion(env.db, waiting.question.id)).toBeUndefined();
    // Berit and her question are untouched.
    expect(getRegistration(env.db, berit.registration.id)!.name).toBe("Berit Bakke");
    expect(getQuestion(env.db, beritAsks.question.id)!.askerEmail).toBe("berit@example.no");

    const raw = ["registrations", "questions", "outbox", "case_subscriptions", "audit_log"]
      .map((table) => JSON.stringify(env.db.prepare(`SELECT * FROM ${table}`).all()))
      .join("");
    for (const secret of ["Astrid", "astrid@", "Rullestol", "Gjøsvika 3"]) {
      expect(raw).not.toContain(secret);
    }
    // The log says it happened, and how much, without what.
    const entry = listAudit(env.db, { limit: 50 }).find((e) => e.action === "citizen.erase")!;
    expect(entry).toMatchObject({ meetingId, target: null, organiserId: null });
    expect(entry.details).toEqual({ via: "registration", ...erased });
  });

  it("keeps an ended meeting's counts: the registration is stripped, not cancelled", () => {
    const { meetingId, astrid } = neighbourhood();
    const counts = countRegistrations(env.db, meetingId);
    env.db
      .prepare("UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?")
      .run("2026-01-01T17:00:00.000Z", "2026-01-01T19:00:00.000Z", meetingId);
    expect(eraseRegistrationData(ctx, astrid.registration.id, outboxDir).cancelled).toBe(false);
    expect(countRegistrations(env.db, meetingId)).toEqual(counts);
    expect(getRegistration(env.db, astrid.registration.id)).toMatchObject({
      name: "",
      email: null,
    });
  });

  it("through a receipt link erases that question only", () => {
    const { meetingId, astrid, waiting, published } = neighbourhood();
    const erased = eraseQuestionData(ctx, waiting.question, outboxDir);
    expect(erased).toMatchObject({ questionsDeleted: 1, questionsKept: 0, mails: 1 });
    expect(getQuestion(env.db, waiting.question.id)).toBeUndefined();
    expect(getQuestion(env.db, published.question.id)!.askerEmail).toBe("astrid@example.no");
    expect(getRegistration(env.db, astrid.registration.id)!.name).toBe("Astrid Aas");
    expect(listAudit(env.db, { limit: 5 })[0]).toMatchObject({
      action: "citizen.erase",
      meetingId,
      details: { via: "question", questionsDeleted: 1 },
    });
  });
});
