import { describe, expect, it } from "vitest";
import { readForm } from "./forms.server";

const post = (body: BodyInit | null, type?: string) =>
  new Request("http://local/meetings/x", {
    method: "POST",
    body,
    headers: type ? { "Content-Type": type } : {},
  });

/** The status and message keys readForm threw, or null when it returned a form. */
async function refusal(request: Request) {
  try {
    await readForm(request);
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
