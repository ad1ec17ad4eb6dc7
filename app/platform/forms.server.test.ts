import { describe, expect, it } from "vitest";
import { MAX_FIELDS, readForm, type FormShape } from "./forms.server";

const post = (body: BodyInit | null, type?: string) =>
  new Request("http://local/meetings/x", {
    method: "POST",
    body,
    headers: type ? { "Content-Type": type } : {},
  });

/** The status and message keys readForm threw, or null when it returned a form. */
async function refusal(request: Request, shape?: FormShape) {
  try {
    await readForm(request, shape);
    return null;
  } catch (error) {
    // What data() throws; the framework turns it into the response.
    const thrown = error as { data: { title: string; body: string }; init: { status: number } };
    return { status: thrown.init.status, ...thrown.data };
  }
}

describe("readForm", () => {
  it("reads urlencoded and multipart forms, whatever the parameters' case", async () => {
    const form = await readForm(
      post("name=Kari&partySize=2", "application/x-www-form-urlencoded; charset=UTF-8"),
    );
    expect(form.get("name")).toBe("Kari");
    const multipart = new FormData();
    multipart.set("name", "Ola");
    const request = new Request("http://local/", { method: "POST", body: multipart });
    expect((await readForm(request)).get("name")).toBe("Ola");
    expect(await refusal(post("a=b", "Application/X-WWW-Form-Urlencoded"))).toBeNull();
  });

  it("answers 415 to anything a browser's form does not send", async () => {
    for (const type of ["application/json", "text/plain", "application/xml", undefined]) {
      expect(await refusal(post("name=Kari", type)), String(type)).toEqual({
        status: 415,
        title: "error.unsupportedType.title",
        body: "error.unsupportedType.body",
      });
    }
  });

  it("answers 400 to a form that does not parse", async () => {
    for (const [body, type] of [
      [
        '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
        "multipart/form-data; boundary=XYZ",
      ],
      ["a=b", "multipart/form-data"],
    ]) {
      expect(await refusal(post(body!, type)), type).toEqual({
        status: 400,
        title: "error.brokenForm.title",
        body: "error.brokenForm.body",
      });
    }
  });
});

describe("readForm's limits on what a form holds", () => {
  const urlencoded = (body: string) => post(body, "application/x-www-form-urlencoded");
  const fields = (n: number, name = (i: number) => `f${i}`) =>
    Array.from({ length: n }, (_, i) => `${name(i)}=1`).join("&");
  const tooLarge = { status: 413, title: "error.tooLarge.title", body: "error.tooLarge.body" };
  const notOurs = {
    status: 400,
    title: "error.unsupportedType.title",
    body: "error.unsupportedType.body",
  };

  it("takes as many different names as our largest form has, and refuses more with 413", async () => {
    expect(await refusal(urlencoded(fields(MAX_FIELDS)))).toBeNull();
    expect(await refusal(urlencoded(fields(MAX_FIELDS + 1)))).toEqual(tooLarge);
    // The body: 15,000 fields in 60 KB.
    expect(await refusal(urlencoded(fields(15_000, () => "x")))).toEqual(tooLarge);
  });

  it("counts multipart parts the same way", async () => {
    const form = (n: number) => {
      const multipart = new FormData();
      for (let i = 0; i < n; i++) multipart.append(`f${i}`, "1");
      return new Request("http://local/", { method: "POST", body: multipart });
    };
    expect(await refusal(form(MAX_FIELDS))).toBeNull();
    expect(await refusal(form(MAX_FIELDS + 1))).toEqual(tooLarge);
    const file = new FormData();
    file.append("intent", "attach");
    file.append("file", new Blob([Buffer.alloc(200_000, "%")]), "svar.pdf");
    expect(await refusal(new Request("http://local/", { method: "POST", body: file }))).toBeNull();
  });

  it("refuses a repeated name with 400, unless the action expects it to repeat", async () => {
    expect(await refusal(urlencoded("name=Kari&name=Ola"))).toEqual(notOurs);
    const reminders: FormShape = { repeats: { reminderHours: 4 } };
    const four = "reminderHours=168&reminderHours=48&reminderHours=24&reminderHours=2";
    expect(await refusal(urlencoded(`title=M%C3%B8te&${four}`), reminders)).toBeNull();
    expect(await refusal(urlencoded(`${four}&reminderHours=1`), reminders)).toEqual(notOurs);
    expect(await refusal(urlencoded(`${four}&title=a&title=b`), reminders)).toEqual(notOurs);
    // A repeat beyond every allowance is refused from the count alone.
    expect(await refusal(urlencoded(fields(5_000, () => "reminderHours")), reminders)).toEqual(
      tooLarge,
    );
  });

  it("refuses names our forms never use: paths the form library would expand, its own intents", async () => {
    for (const name of [
      "email[99999999]",
      "a.b",
      "name[]",
      "__intent__",
      "__state__",
      "1st",
      "navn med mellomrom",
      "x".repeat(65),
    ]) {
      expect(await refusal(urlencoded(`${encodeURIComponent(name)}=1`)), name).toEqual(notOurs);
    }
    expect(
      await refusal(urlencoded("website=&from__confirm=abc&needsText=x&partySize=2")),
    ).toBeNull();
    // What a mail client's one-click unsubscribe posts (RFC 8058).
    expect(await refusal(urlencoded("List-Unsubscribe=One-Click"))).toBeNull();
  });
});
