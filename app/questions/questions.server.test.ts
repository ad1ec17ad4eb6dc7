import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getMeetingById, setMeetingStatus, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { listMessages } from "../../db/outbox";
import { createTestMeeting } from "../../db/testing";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { listAudit } from "../../db/audit";
import { renderEmail } from "../../emails/render";
import type { ServiceContext } from "../platform/service.server";
import { questionSchema, themeChoices } from "./forms";
import {
  askQuestion,
  editOwnQuestion,
  findQuestionByToken,
  mayEditOwn,
  hallAsk,
  supportQuestion,
  withdrawOwnQuestion,
  QuestionError,
  type AskInput,
} from "./questions.server";
import { publishAnswers } from "./answers.server";
import { present } from "./hall.server";
import {
  answerQuestion,
  approveQuestion,
  mergeQuestion,
  moveInAgenda,
  rejectQuestion,
  rewordQuestion,
} from "./moderation.server";
import { publicQuestionList } from "./public-list.server";
import { listAgenda } from "../../db/questions";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let meeting: Meeting;
let organiser: Organiser;

const ask = (text: string, extra: Partial<AskInput> = {}, supporter = `asker-${text}`) =>
  askQuestion(
    ctx,
    meeting.id,
    { themeValue: "1", text, name: null, showName: false, email: null, source: "web", ...extra },
    supporter,
  );

beforeEach(() => {
  env = serviceTestEnv({
    publicUrl: "https://folkemote.example",
    mailFrom: "Røros kommune <post@roros.kommune.no>",
  });
  ctx = env.ctx;
  const id = createTestMeeting(env.db, {
    themes: [
      { title: "Trafikk", description: "" },
      { title: "Personvern", description: "" },
    ],
  });
  meeting = getMeetingById(env.db, id)!;
  organiser = testOrganiser(env.db, { email: "kari@roros.kommune.no", name: "Kari Arrangør" });
});

afterEach(() => env.cleanup());

describe("sending and the private link", () => {
  it("stores a pending question the asker supports, reachable by its token only", () => {
    const { question, token } = ask("Hvor skal bilene parkere?");
    expect(question.status).toBe("pending");
    expect(question.theme).toBe("Trafikk");
    expect(question.supportCount).toBe(1);
    expect(findQuestionByToken(env.db, token)?.id).toBe(question.id);
    expect(findQuestionByToken(env.db, "x".repeat(43))).toBeUndefined();
    const stored = env.db.prepare("SELECT token_hash FROM question_tokens").get() as {
      token_hash: string;
    };
    expect(stored.token_hash).not.toContain(token);
  });

  it("queues a receipt with the private link for an asker who gave an address, and none without", async () => {
    ask("Uten adresse?");
    const { question, token } = ask("Hvor skal bilene parkere?", {
      email: "ola@example.no",
      name: "Ola",
      language: "nn",
    });
    const mail = listMessages(env.db);
    expect(mail).toMatchObject([
      {
        toAddress: "ola@example.no",
        toName: "Ola",
        template: "question-receipt",
        status: "pending",
        // Its owner: erasing the asker (with the meeting's personal data) erases it.
        meetingId: meeting.id,
        questionId: question.id,
        registrationId: null,
        subscriptionId: null,
      },
    ]);
    const rendered = await renderEmail("question-receipt", JSON.parse(mail[0]!.payload!));
    expect(rendered.subject).toBe(`Vi har fått spørsmålet ditt: ${meeting.title}`);
    expect(rendered.text).toContain("Hvor skal bilene parkere?");
    expect(rendered.html).toContain(`https://folkemote.example/question/${token}?lang=nn`);
  });

  it("keeps 'Annet' as null and does not offer it twice when the meeting has it", () => {
    expect(themeChoices([{ title: "Trafikk" }], "Annet").map((c) => c.label)).toEqual([
      "Trafikk",
      "Annet",
    ]);
    expect(
      themeChoices([{ title: "Trafikk" }, { title: "annet" }], "Annet").map((c) => [
        c.label,
        c.title,
      ]),
    ).toEqual([
      ["Trafikk", "Trafikk"],
      ["annet", null],
    ]);
    expect(ask("Noe helt annet her", { themeValue: "0" }).question.theme).toBeNull();
  });

  it("lets the asker edit only while the question is pending", () => {
    const { question } = ask("Første utkast av spørsmålet");
    expect(editOwnQuestion(env.db, question.id, "Andre utkast av spørsmålet").originalText).toBe(
      "Andre utkast av spørsmålet",
    );
    approveQuestion(ctx, organiser, question.id);
    expect(() => editOwnQuestion(env.db, question.id, "Tredje utkast")).toThrow(QuestionError);
    expect(withdrawOwnQuestion(env.db, question.id).status).toBe("withdrawn");
    expect(() => withdrawOwnQuestion(env.db, question.id)).toThrow(QuestionError);
  });

  it("caps the questions waiting from one address, and keeps its key only while one waits", () => {
    const input = {
      themeValue: "1",
      name: null,
      showName: false,
      email: null,
      source: "hall" as const,
    };
    const from = { clientKey: "hall-wifi", maxPendingPerClient: 2 };
    const keyOf = (id: number) =>
      (
        env.db.prepare("SELECT client_key FROM questions WHERE id = ?").get(id) as {
          client_key: string | null;
        }
      ).client_key;
    const a = askQuestion(ctx, meeting.id, { ...input, text: "Første fra salen?" }, "p1", from);
    askQuestion(ctx, meeting.id, { ...input, text: "Andre fra salen?" }, "p2", from);
    expect(() =>
      askQuestion(ctx, meeting.id, { ...input, text: "Tredje fra salen?" }, "p3", from),
    ).toThrowError(expect.objectContaining({ code: "pendingLimit", status: 429 }));
    // Another address is not held back.
    askQuestion(ctx, meeting.id, { ...input, text: "Hjemmefra?" }, "p4", {
      ...from,
      clientKey: "home",
    });
    expect(keyOf(a.question.id)).toBe("hall-wifi");
    // Moderated: the key is gone, and the address may send another.
    approveQuestion(ctx, organiser, a.question.id);
    expect(keyOf(a.question.id)).toBeNull();
    askQuestion(ctx, meeting.id, { ...input, text: "Tredje fra salen?" }, "p3", from);
  });

  it("leads the hall's short link only to a public meeting's form", () => {
    expect(hallAsk(env.db, String(meeting.id))?.path).toBe(
      `/meetings/${meeting.slug}/questions/new?from=hall`,
    );
    expect(hallAsk(env.db, "abc")).toBeNull();
    const draft = createTestMeeting(env.db, { status: "draft" });
    expect(hallAsk(env.db, String(draft))).toBeNull();
  });

  it("refuses questions for a meeting that is over", () => {
    env.db
      .prepare(
        "UPDATE meetings SET starts_at = '2020-01-01T17:00:00.000Z', ends_at = '2020-01-01T19:00:00.000Z'",
      )
      .run();
    expect(() => ask("Kommer dette med?")).toThrow(QuestionError);
  });

  it("validates hostile input and keeps markup as plain text", () => {
    const schema = questionSchema(themeChoices([{ title: "Trafikk" }], "Annet"));
    expect(schema.safeParse({ theme: "9", text: "Gyldig tekst her" }).success).toBe(false);
    expect(schema.safeParse({ theme: "1", text: "Null\u0000byte" }).success).toBe(false);
    expect(schema.safeParse({ theme: "1", text: "x".repeat(601) }).success).toBe(false);
    expect(schema.safeParse({ theme: "1", text: "Hei", name: "Ola\r\nBcc: x@y" }).success).toBe(
      false,
    );
    const hostile = `<script>alert(1)</script> "=HYPERLINK('http://x')"`;
    const parsed = schema.parse({ theme: "1", text: hostile });
    const { question } = ask(parsed.text);
    expect(question.originalText).toBe(hostile);
  });
});

describe("support", () => {
  it("counts one support per person and only on approved questions", () => {
    const { question } = ask("Hvor mange skal bo der?");
    expect(() => supportQuestion(env.db, meeting, question.id, "nabo-1")).toThrow(QuestionError);
    approveQuestion(ctx, organiser, question.id);
    expect(supportQuestion(env.db, meeting, question.id, "nabo-1")).toBe(true);
    expect(supportQuestion(env.db, meeting, question.id, "nabo-1")).toBe(false);
    expect(supportQuestion(env.db, meeting, question.id, "nabo-2")).toBe(true);
    // The asker counts as a supporter already.
    expect(supportQuestion(env.db, meeting, question.id, "asker-Hvor mange skal bo der?")).toBe(
      false,
    );
    const list = publicQuestionList(env.db, meeting, {
      sort: "support",
      theme: null,
      page: 1,
      supporterKey: "nabo-1",
    });
    expect(list.groups[0]!.questions[0]).toMatchObject({ supportCount: 3, supported: true });
  });
});

describe("moderation", () => {
  it("merging keeps support and askers together, and tells the merged asker", () => {
    const kept = ask("Blir det mer trafikk i gata?", {}, "asker-a").question;
    const dup = ask(
      "Mer trafikk i gata vår?",
      { email: "per@example.no", name: "Per" },
      "asker-b",
    ).question;
    approveQuestion(ctx, organiser, kept.id);
    approveQuestion(ctx, organiser, dup.id);
    supportQuestion(env.db, meeting, kept.id, "both");
    supportQuestion(env.db, meeting, dup.id, "both");
    supportQuestion(env.db, meeting, dup.id, "only-dup");

    const merged = mergeQuestion(ctx, organiser, dup.id, kept.id);
    expect(merged.status).toBe("merged");
    expect(merged.mergedInto).toBe(kept.id);
    const list = publicQuestionList(env.db, meeting, {
      sort: "support",
      theme: null,
      page: 1,
      supporterKey: null,
    });
    const all = list.groups.flatMap((g) => g.questions);
    expect(all.map((x) => x.id)).toEqual([kept.id]);
    // asker-a, asker-b, "both" once, "only-dup".
    expect(all[0]!.supportCount).toBe(4);
    expect(listAgenda(env.db, meeting.id).map((x) => x.agendaPosition)).toEqual([1]);
    const mail = listMessages(env.db);
    expect(mail.map((m) => [m.toAddress, m.template])).toEqual([
      ["per@example.no", "question-receipt"],
      ["per@example.no", "question-notice"],
    ]);
    expect(JSON.parse(mail[1]!.payload!)).toMatchObject({
      kind: "merged",
      url: expect.stringContaining(`#question-${kept.id}`),
    });
    expect(() => mergeQuestion(ctx, organiser, kept.id, kept.id)).toThrow(QuestionError);
  });

  it("rewording keeps the original for organisers and is audit-logged", () => {
    const { question } = ask("Er det Ola Hansen fra nr. 4 som flytter inn?");
    rewordQuestion(ctx, organiser, question.id, "Hvem skal flytte inn?");
    approveQuestion(ctx, organiser, question.id);
    rejectQuestion(ctx, organiser, ask("Stygt spørsmål her").question.id, "Hets");
    const list = publicQuestionList(env.db, meeting, {
      sort: "newest",
      theme: null,
      page: 1,
      supporterKey: null,
    });
    const shown = list.groups.flatMap((g) => g.questions);
    expect(shown.map((x) => x.text)).toEqual(["Hvem skal flytte inn?"]);
    expect(JSON.stringify(list)).not.toContain("Ola Hansen");
    expect(JSON.stringify(list)).not.toContain("Hets");
    const actions = listAudit(env.db, { limit: 10 }).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["question.reword", "question.approve", "question.reject"]),
    );
  });

  it("moves questions up and down the panel's order and steps through them", () => {
    const ids = ["Første spørsmål", "Andre spørsmål", "Tredje spørsmål"].map(
      (t) => ask(t).question.id,
    );
    for (const id of ids) approveQuestion(ctx, organiser, id);
    moveInAgenda(ctx, organiser, ids[2]!, "up");
    expect(listAgenda(env.db, meeting.id).map((x) => x.id)).toEqual([ids[0], ids[2], ids[1]]);
    moveInAgenda(ctx, organiser, ids[0]!, "up");
    expect(listAgenda(env.db, meeting.id).map((x) => x.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect(present(ctx, organiser, meeting, "next")?.id).toBe(ids[0]);
    expect(present(ctx, organiser, meeting, "next")?.id).toBe(ids[2]);
    expect(present(ctx, organiser, meeting, "previous")?.id).toBe(ids[0]);
    const options = { sort: "agenda", theme: null, page: 1, supporterKey: null } as const;
    // A week ahead the screen is a rehearsal: the public is not told the panel is answering.
    expect(publicQuestionList(env.db, meeting, options).nowAnswering).toBeNull();
    const hour = 3600_000;
    const running = {
      ...meeting,
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
    };
    expect(publicQuestionList(env.db, running, options).nowAnswering?.id).toBe(ids[0]);
    for (const over of [
      { ...running, endsAt: new Date(Date.now() - 1).toISOString() },
      { ...running, status: "cancelled" as const },
    ]) {
      expect(publicQuestionList(env.db, over, options).nowAnswering).toBeNull();
    }
  });

  it("takes no new words from the asker once the meeting is over or cancelled", () => {
    const { question } = ask("Et spørsmål som venter");
    setMeetingStatus(env.db, meeting.id, "cancelled");
    const cancelled = getMeetingById(env.db, meeting.id)!;
    expect(mayEditOwn(question, cancelled)).toBe(false);
    expect(() => editOwnQuestion(env.db, question.id, "Nye ord")).toThrow(
      expect.objectContaining({ code: "closed" }),
    );
    expect(() => ask("Enda et spørsmål")).toThrow(expect.objectContaining({ code: "closed" }));
    // Taking it back is still the asker's right.
    expect(withdrawOwnQuestion(env.db, question.id).status).toBe("withdrawn");
    setMeetingStatus(env.db, meeting.id, "published");
    const ended = { ...meeting, endsAt: new Date(Date.now() - 1).toISOString() };
    expect(mayEditOwn({ ...question, status: "pending" }, ended)).toBe(false);
    expect(mayEditOwn({ ...question, status: "pending" }, meeting)).toBe(true);
  });

  it("publishing answers tells each asker with an email once, merged askers too", async () => {
    const kept = ask("Når starter byggingen?", { email: "kari@example.no" }, "a").question;
    const dup = ask("Når begynner de å bygge?", { email: "ola@example.no" }, "b").question;
    const noMail = ask("Hvem eier husene?", {}, "c").question;
    for (const id of [kept.id, dup.id, noMail.id]) approveQuestion(ctx, organiser, id);
    mergeQuestion(ctx, organiser, dup.id, kept.id);
    answerQuestion(ctx, organiser, kept.id, "Byggingen starter i mai.");
    answerQuestion(ctx, organiser, noMail.id, "Kommunen eier husene.");
    const before = listMessages(env.db).length;
    expect(publishAnswers(ctx, organiser, meeting)).toBe(2);
    expect(publishAnswers(ctx, organiser, meeting)).toBe(0);
    const notices = listMessages(env.db).slice(before);
    expect(notices.map((m) => m.toAddress).sort()).toEqual(["kari@example.no", "ola@example.no"]);
    const rendered = await renderEmail(notices[0]!.template, JSON.parse(notices[0]!.payload!));
    expect(rendered.subject).toBe("Spørsmålet ditt er besvart: Testmøte om småhus");
    expect(rendered.text).toContain("Byggingen starter i mai.");
  });
});
