import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { getMeetingById, type Meeting } from "../../db/meetings";
import type { Organiser } from "../../db/organisers";
import { createTestMeeting } from "../../db/testing";
import type { ServiceContext } from "../platform/service.server";
import { serviceTestEnv, testOrganiser } from "../testing/services";
import { exportQuestions, panelOrderChosen, printQuestions } from "./exports.server";
import { askQuestion } from "./questions.server";
import { approveQuestion, moveInAgenda, reorderAgenda } from "./moderation.server";

let env: ReturnType<typeof serviceTestEnv>;
let ctx: ServiceContext;
let meeting: Meeting;
let organiser: Organiser;

beforeEach(() => {
  env = serviceTestEnv();
  ctx = env.ctx;
  const id = createTestMeeting(env.db, {
    themes: [
      { title: "Trafikk", description: "" },
      { title: "Personvern", description: "" },
    ],
  });
  meeting = getMeetingById(env.db, id)!;
  organiser = testOrganiser(env.db);
});
afterEach(() => env.cleanup());

/** Five approved questions, Nr. 1 to 5 in the order approved, across both themes and "Annet". */
function fiveQuestions() {
  const themes = ["1", "2", "1", "2", "0"];
  return themes.map((themeValue, i) => {
    const { question } = askQuestion(
      ctx,
      meeting.id,
      {
        themeValue,
        text: `Spørsmål ${i + 1}`,
        name: null,
        showName: false,
        email: null,
        source: "web",
      },
      `asker-${i}`,
    );
    approveQuestion(ctx, organiser, question.id);
    return question.id;
  });
}

async function csvRows(order: "agenda" | "support") {
  const file = await exportQuestions(env.db, organiser, meeting, "csv", order, false);
  return (
    parse(String(file.body).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[]
  ).map((r) => [r["Nr."], r["Tema"], r["Spørsmål"]]);
}

describe("the panel's exports and print", () => {
  it("group by theme until the organiser chooses the order, numbered as on the projector", async () => {
    fiveQuestions();
    expect(panelOrderChosen(env.db, meeting)).toBe(false);
    expect(await csvRows("agenda")).toEqual([
      ["1", "Trafikk", "Spørsmål 1"],
      ["3", "Trafikk", "Spørsmål 3"],
      ["2", "Personvern", "Spørsmål 2"],
      ["4", "Personvern", "Spørsmål 4"],
      ["5", "Annet", "Spørsmål 5"],
    ]);
    const print = printQuestions(env.db, organiser, meeting, "agenda", false);
    expect(print.byTheme).toBe(true);
    expect(print.groups.map((g) => [g.theme, g.rows.map((r) => r.position)])).toEqual([
      ["Trafikk", [1, 3]],
      ["Personvern", [2, 4]],
      ["Annet", [5]],
    ]);
  });

  it("follow the panel's order once the organiser has moved a question", async () => {
    const ids = fiveQuestions();
    moveInAgenda(ctx, organiser, ids[2]!, "up");
    expect(panelOrderChosen(env.db, meeting)).toBe(true);
    expect(await csvRows("agenda")).toEqual([
      ["1", "Trafikk", "Spørsmål 1"],
      ["2", "Trafikk", "Spørsmål 3"],
      ["3", "Personvern", "Spørsmål 2"],
      ["4", "Personvern", "Spørsmål 4"],
      ["5", "Annet", "Spørsmål 5"],
    ]);
    const print = printQuestions(env.db, organiser, meeting, "agenda", false);
    expect(print.byTheme).toBe(false);
    expect(print.groups).toHaveLength(1);
    expect(print.groups[0]!.theme).toBeNull();
    expect(print.groups[0]!.rows.map((r) => [r.position, r.text])).toEqual([
      [1, "Spørsmål 1"],
      [2, "Spørsmål 3"],
      [3, "Spørsmål 2"],
      [4, "Spørsmål 4"],
      [5, "Spørsmål 5"],
    ]);
    expect(listAudit(env.db, { limit: 1, meetingId: meeting.id })[0]).toMatchObject({
      action: "questions.export.print",
      details: { order: "agenda", byTheme: false },
    });
  });

  it("follow a dragged order too, and still group by theme when sorted by support", async () => {
    const ids = fiveQuestions();
    reorderAgenda(ctx, organiser, meeting.id, [ids[4]!, ids[3]!, ids[2]!, ids[1]!, ids[0]!]);
    expect((await csvRows("agenda")).map((r) => r[2])).toEqual([
      "Spørsmål 5",
      "Spørsmål 4",
      "Spørsmål 3",
      "Spørsmål 2",
      "Spørsmål 1",
    ]);
    expect((await csvRows("support")).map((r) => r[1])).toEqual([
      "Trafikk",
      "Trafikk",
      "Personvern",
      "Personvern",
      "Annet",
    ]);
  });

  it("leave the order unchosen when a move goes nowhere", () => {
    const ids = fiveQuestions();
    moveInAgenda(ctx, organiser, ids[0]!, "up");
    expect(panelOrderChosen(env.db, meeting)).toBe(false);
  });
});
