// The language a citizen used is stored with what they create (migration 007), so later mail
// can be sent in it: sign-ups, questions and subscriptions; bokmål for an organiser's entry.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertSubscription } from "../../db/case-subscriptions";
import { getMeetingById } from "../../db/meetings";
import { getOrganiserById, insertOrganiser } from "../../db/organisers";
import { getRegistration } from "../../db/registrations";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { askQuestion } from "../questions/questions.server";
import { subscribe } from "../questions/subscriptions.server";
import {
  cancelRegistration,
  changeRegistration,
  rejoinRegistration,
  type ServiceContext,
} from "./registrations.server";
import { addByOrganiser, editByOrganiser } from "./organiser-changes.server";
import { signUp } from "./testing";

const noNeeds = { accessibility: false, interpreter: false, other: false, text: "" };
let env: ReturnType<typeof tempDatabase>;
let ctx: ServiceContext;
let meetingId: number;

beforeEach(() => {
  env = tempDatabase();
  ctx = { db: env.db, publicUrl: "https://folkemote.example", mailFrom: "post@example.no" };
  meetingId = createTestMeeting(env.db, { capacity: 10 });
});
afterEach(() => env.cleanup());

const organiser = () =>
  getOrganiserById(
    env.db,
    insertOrganiser(env.db, {
      email: "kim@example.no",
      name: "Kim",
      role: "organiser",
      passwordHash: "x",
    }),
  )!;

describe("a sign-up's language", () => {
  it("is the page's when a citizen signs up, and bokmål when none is given", () => {
    const en = signUp(ctx, meetingId, {
      name: "Anna Smith",
      email: "anna@example.com",
      partySize: 1,
      needs: noNeeds,
      language: "en",
    });
    const nb = signUp(ctx, meetingId, {
      name: "Kari Nordmann",
      email: "kari@example.no",
      partySize: 1,
      needs: noNeeds,
    });
    expect(getRegistration(env.db, en.registration.id)?.language).toBe("en");
    expect(getRegistration(env.db, nb.registration.id)?.language).toBe("nb");
  });

  it("follows the citizen's page when they save or rejoin, not an organiser's edit", () => {
    const { registration } = signUp(ctx, meetingId, {
      name: "Anna Smith",
      email: "anna@example.com",
      partySize: 1,
      needs: noNeeds,
      language: "en",
    });
    changeRegistration(ctx, registration.id, { partySize: 2, needs: noNeeds, language: "nn" });
    expect(getRegistration(env.db, registration.id)?.language).toBe("nn");

    const kim = organiser();
    editByOrganiser(ctx, kim, registration.id, {
      name: "Anna Smith",
      email: "anna@example.com",
      phone: null,
      partySize: 2,
      needs: noNeeds,
      note: "",
    });
    expect(getRegistration(env.db, registration.id)?.language).toBe("nn");

    cancelRegistration(ctx, registration.id);
    rejoinRegistration(ctx, registration.id, "en");
    expect(getRegistration(env.db, registration.id)?.language).toBe("en");
  });

  it("is bokmål when an organiser adds someone who phoned", () => {
    const added = addByOrganiser(ctx, organiser(), meetingId, {
      name: "Ola Nordmann",
      email: null,
      phone: "+47 900 00 000",
      partySize: 1,
      needs: noNeeds,
      note: "",
    });
    expect(added.language).toBe("nb");
  });

  it("can only be one we speak (the database refuses anything else)", () => {
    const { registration } = signUp(ctx, meetingId, {
      name: "Anna Smith",
      email: "anna@example.com",
      partySize: 1,
      needs: noNeeds,
    });
    expect(() =>
      env.db.prepare("UPDATE registrations SET language = 'de' WHERE id = ?").run(registration.id),
    ).toThrow(/CHECK constraint/);
  });
});

describe("a question's and a subscription's language", () => {
  it("is the page's when asked", () => {
    const { question } = askQuestion(
      ctx,
      meetingId,
      {
        themeValue: "0",
        text: "Where will the cars park?",
        name: null,
        showName: false,
        email: "anna@example.com",
        source: "web",
        language: "en",
      },
      "supporter-1",
    );
    expect(question.language).toBe("en");
  });

  it("is the page's when subscribing, and cannot be changed by someone else once confirmed", () => {
    const meeting = getMeetingById(env.db, meetingId)!;
    subscribe(ctx, meeting, "nabo@example.no", "nn");
    const pending = upsertSubscription(env.db, meetingId, "nabo@example.no", "en");
    expect(pending.language).toBe("en");
    env.db.prepare("UPDATE case_subscriptions SET status = 'confirmed'").run();
    subscribe(ctx, meeting, "NABO@example.no", "nb");
    expect(upsertSubscription(env.db, meetingId, "nabo@example.no", "nb").language).toBe("en");
  });
});
