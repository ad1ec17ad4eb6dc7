import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { editorSchema, type EditorRules } from "./forms";
import { freeSlug, slugFromTitle } from "./slug";

// Thursday 10 December 2026, 12.00 in Oslo.
const now = () => new Date("2026-12-10T11:00:00.000Z");

/** The editor's messages by field, as the browser posts it (conform drops empty fields). */
function issues(fields: Record<string, string>, rules: EditorRules = { keptStart: null }) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  const submission = parseWithZod(formData, { schema: editorSchema({ now, ...rules }) });
  return submission.status === "success" ? {} : (submission.error ?? {});
}

const valid = {
  title: "Folkemøte om småhus",
  slug: "smahus-2027",
  startDate: "2026-12-17",
  startTime: "19:00",
  endTime: "21:00",
  venueName: "Storstuggu",
  address: "Osloveien 2, 7374 Røros",
  capacity: "50",
  maxPartySize: "4",
};

describe("the meeting editor's rules", () => {
  it("accepts a meeting ahead", () => {
    expect(issues(valid)).toEqual({});
  });

  it("takes a stream over https only, and no stream for a meeting held only in the hall", () => {
    const both = { ...valid, attendance: "both" };
    expect(issues({ ...both, streamUrl: "https://www.youtube.com/live/x" })).toEqual({});
    expect(issues({ ...both, streamUrl: "http://example.no/live" })).toEqual({
      streamUrl: ["error.streamUrl.invalid"],
    });
    expect(issues({ ...both, streamUrl: "javascript:alert(1)" })).toEqual({
      streamUrl: ["error.streamUrl.invalid"],
    });
    expect(issues({ ...valid, streamUrl: "https://vimeo.com/1" })).toEqual({
      attendance: ["error.attendance.hallWithStream"],
    });
    expect(issues({ ...both, attendance: "elsewhere" })).toEqual({
      attendance: ["error.attendance.mode"],
    });
    expect(issues({ ...both, streamRevealMinutes: "-5", onlineCapacity: "0" })).toEqual({
      streamRevealMinutes: ["error.streamReveal.invalid"],
      onlineCapacity: ["error.onlineCapacity.invalid"],
    });
  });

  it("refuses a new meeting that starts in the past, or earlier today", () => {
    expect(issues({ ...valid, startDate: "2026-11-26" })).toEqual({
      startDate: ["error.start.past"],
    });
    expect(issues({ ...valid, startDate: "2026-12-10", startTime: "11:30" })).toEqual({
      startDate: ["error.start.past"],
    });
    // Later the same day is ahead.
    expect(issues({ ...valid, startDate: "2026-12-10", startTime: "12:30" })).toEqual({});
  });

  it("lets a past meeting that stays where it is be edited, but not be moved to another past time", () => {
    const kept: EditorRules = { keptStart: { date: "2026-11-26", time: "19:00" } };
    // Its summary or capacity can change after it ended.
    expect(issues({ ...valid, startDate: "2026-11-26", capacity: "80" }, kept)).toEqual({});
    expect(issues({ ...valid, startDate: "2026-11-25" }, kept)).toEqual({
      startDate: ["error.start.past"],
    });
    expect(issues({ ...valid, startDate: "2026-11-26", startTime: "18:00" }, kept)).toEqual({
      startDate: ["error.start.past"],
    });
    // Moved ahead, it is fine.
    expect(issues(valid, kept)).toEqual({});
  });

  it("shows every problem at once: missing fields, end before start, party above capacity, past", () => {
    const { title: _title, venueName: _venue, ...rest } = valid;
    const errors = issues({
      ...rest,
      startDate: "2026-12-01",
      startTime: "19:00",
      endTime: "18:00",
      capacity: "3",
      maxPartySize: "5",
      opensDate: "2026-12-02",
    });
    expect(errors).toEqual({
      title: ["error.required"],
      venueName: ["error.required"],
      startDate: ["error.start.past"],
      endTime: ["error.end.beforeStart"],
      maxPartySize: ["error.maxPartySize.aboveCapacity"],
      opensTime: ["error.dateTime.incomplete"],
    });
  });

  it("judges only fields that parsed: a bad date gives its own message, not a made-up order", () => {
    expect(issues({ ...valid, startDate: "17.12.2026", capacity: "mange" })).toEqual({
      startDate: ["error.date.invalid"],
      capacity: ["error.capacity.invalid"],
    });
  });

  it("takes an empty address (slug) as 'make one from the title'", () => {
    const { slug: _slug, ...rest } = valid;
    const formData = new FormData();
    for (const [key, value] of Object.entries(rest)) formData.append(key, value);
    const submission = parseWithZod(formData, { schema: editorSchema({ keptStart: null, now }) });
    expect(submission.status).toBe("success");
    if (submission.status === "success") expect(submission.value.slug).toBeNull();
    expect(issues({ ...valid, slug: "Med mellomrom" })).toEqual({ slug: ["error.slug.invalid"] });
  });
});

describe("an address from the title", () => {
  it("writes Norwegian letters as Norwegians do in addresses, everything else as hyphens", () => {
    expect(slugFromTitle("Informasjonsmøte om småhus ved Gjøsvika")).toBe(
      "informasjonsmote-om-smahus-ved-gjosvika",
    );
    expect(slugFromTitle("Ærlig talt: Øvre Årvollveien – «vår» plan!")).toBe(
      "aerlig-talt-ovre-arvollveien-var-plan",
    );
    expect(slugFromTitle("Café Müller 2027")).toBe("cafe-muller-2027");
  });

  it("always makes a valid address: at least 3 and at most 80 characters, cut between words", () => {
    expect(slugFromTitle("Å")).toBe("mote-a");
    expect(slugFromTitle("!!!")).toBe("mote");
    const long = slugFromTitle("Folkemøte ".repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^folkemote(-folkemote)*$/);
  });

  it("finds the first free one: base, base-2, base-3 …, still within 80 characters", () => {
    const taken = new Set(["smahus", "smahus-2"]);
    expect(freeSlug("smahus", (s) => taken.has(s))).toBe("smahus-3");
    expect(freeSlug("ny", (s) => taken.has(s))).toBe("ny");
    const base = "a".repeat(80);
    expect(freeSlug(base, (s) => s === base)).toBe(`${"a".repeat(78)}-2`);
  });
});
