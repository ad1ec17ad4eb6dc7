import { describe, expect, it } from "vitest";
import { answerIntent, idField, idList, readIntent } from "./intent.server";
import { msg } from "../i18n";
import { Refusal } from "./refusal.server";
import { z } from "./zod";

const intents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancelMany"), registrationId: idList }),
  z.object({ intent: z.literal("cancel"), registrationId: idField }),
]);

const form = (pairs: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of pairs) data.append(k, v);
  return data;
};

/** The status and body of what answerIntent answered with (react-router's data()). */
const answer = (value: unknown) => value as { init: { status: number }; data: unknown };

describe("readIntent", () => {
  it("reads an intent with its fields, one value or many under a name", () => {
    expect(
      readIntent(
        form([
          ["intent", "cancel"],
          ["registrationId", "7"],
        ]),
        intents,
      ),
    ).toEqual({
      intent: "cancel",
      registrationId: 7,
    });
    const many = form([
      ["intent", "cancelMany"],
      ["registrationId", "3"],
      ["registrationId", "4"],
    ]);
    expect(readIntent(many, intents)).toEqual({ intent: "cancelMany", registrationId: [3, 4] });
    expect(readIntent(form([["intent", "cancelMany"]]), intents)).toEqual({
      intent: "cancelMany",
      registrationId: [],
    });
  });

  it.each([
    [
      "an unknown intent",
      [
        ["intent", "drop"],
        ["registrationId", "7"],
      ],
    ],
    ["no intent", [["registrationId", "7"]]],
    [
      "an id that is not a number",
      [
        ["intent", "cancel"],
        ["registrationId", "7 or 1=1"],
      ],
    ],
    [
      "a negative id",
      [
        ["intent", "cancel"],
        ["registrationId", "-1"],
      ],
    ],
    [
      "two ids where one is asked for",
      [
        ["intent", "cancel"],
        ["registrationId", "1"],
        ["registrationId", "2"],
      ],
    ],
  ] as [string, [string, string][]][])("refuses %s with 400 error.intent.unknown", (_, pairs) => {
    let thrown: unknown;
    try {
      readIntent(form(pairs), intents);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Refusal);
    expect(thrown).toMatchObject({ message: "error.intent.unknown", status: 400 });
  });

  it("refuses a field whose schema names a message with that message, at that field", () => {
    const settings = z.object({
      intent: z.literal("settings"),
      criteria: z.string().max(5, msg("error.tooLong", { max: 5 })),
    });
    let thrown: unknown;
    try {
      readIntent(
        form([
          ["intent", "settings"],
          ["criteria", "far too long"],
        ]),
        settings,
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Refusal);
    expect(thrown).toMatchObject({
      message: msg("error.tooLong", { max: 5 }),
      field: "criteria",
      status: 400,
    });
  });
});

describe("answerIntent", () => {
  it("answers with the work's own result when nothing is refused", async () => {
    expect(await answerIntent(() => "done")).toBe("done");
  });

  it("turns a Refusal into { error, field } with the Refusal's status", async () => {
    const refused = answer(
      await answerIntent(() => {
        throw new Refusal("error.checkin.people", { field: "people", status: 409 });
      }),
    );
    expect(refused.init.status).toBe(409);
    expect(refused.data).toEqual({ error: "error.checkin.people", field: "people" });
  });

  it("lets anything else through as the bug it is", async () => {
    await expect(
      answerIntent(() => {
        throw new TypeError("boom");
      }),
    ).rejects.toThrow("boom");
  });
});
