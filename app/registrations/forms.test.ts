import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { questionSchema, themeChoices } from "../questions/forms";
import { nameField } from "../platform/person-fields";
import { organiserRegistrationSchema, rsvpSchema } from "./forms";

const messages = (name: string) => {
  const result = nameField.safeParse(name);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("names", () => {
  it.each([
    "Kari Nordmann",
    "Anne-Marie Ås",
    "St. Olav Hansen",
    "J.R.R. Tolkien",
    "O'Brien",
    "Nguyễn Thị Minh Khai",
    "Ahmad al-Sayed",
  ])("accepts %s", (name) => {
    expect(messages(name)).toEqual([]);
  });

  it.each([
    ["BETAL GEBYR 450 kr: https://roros-gebyr.example/betal", "error.name.link"],
    ["Se http://x.io", "error.name.link"],
    ["Gå til www.betal-her", "error.name.link"],
    ["betal-her.com", "error.name.link"],
    ["kommunen.example/gebyr", "error.name.link"],
    ["Vipps til roros-kommune.no", "error.name.link"],
    ["kari@example.no", "error.name.email"],
    ["Kari\u202Ekcatta", "error.name.hidden"],
    ["Ka\u200Bri", "error.name.hidden"],
    ["Kari\u2066Nordmann", "error.name.hidden"],
    ["Kari\r\nBcc: x", "error.name.invalid"],
  ])("refuses %j with one clear message, in a sign-up and beside a question", (name, message) => {
    expect(messages(name)).toEqual([message]);
    expect(askerMessages(name)).toEqual([message]);
  });

  it("stops at the length for a long name: the other checks never see it", () => {
    // 64 KB fits the body limit; the link pattern took 24 s of CPU on such a name.
    expect(messages("a".repeat(64_000))).toEqual(["error.name.tooLong"]);
    expect(messages("www.betal.no ".repeat(5000))).toEqual(["error.name.tooLong"]);
    const started = performance.now();
    messages("a.".repeat(32_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("applies to organisers' entries too", () => {
    const result = organiserRegistrationSchema(4).safeParse({
      name: "Ring https://x.example/",
      partySize: 1,
    });
    expect(result.success).toBe(false);
    const rsvp = rsvpSchema(4).safeParse({
      name: "a@b.no",
      email: "a@b.no",
      partySize: 1,
      consent: true,
    });
    expect(rsvp.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "error.name.email"],
    ]);
  });
});

/** A question posted as the form sends it, named `name`: the messages beside the name. */
function askerMessages(name: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries({ theme: "1", text: "Hvor mange skal bo der?", name }))
    form.set(key, value);
  const schema = questionSchema(themeChoices([{ title: "Trafikk" }], "Annet"));
  const submission = parseWithZod(form, { schema });
  return submission.status === "success" ? [] : (submission.error?.name ?? []);
}

describe("a question asker's name", () => {
  it("may be left out, blank or not", () => {
    expect(askerMessages("")).toEqual([]);
    expect(askerMessages("   ")).toEqual([]);
    expect(askerMessages("Kari Nordmann")).toEqual([]);
  });
});

describe("a very long name", () => {
  it("is refused as too long at once, without running the link pattern over it", () => {
    const started = performance.now();
    expect(messages("a".repeat(60_000))).toEqual(["error.name.tooLong"]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
