import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { createEvent, type EventAttributes } from "ics";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  bumpSequence,
  getMeetingById,
  updateMeeting,
  setMeetingStatus,
  type Meeting,
} from "../../db/meetings";
import { createTestMeeting, tempDatabase } from "../../db/testing";
import { osloToUtc } from "../platform/dates";
import {
  addToCalendarLinks,
  eventAttributes,
  foldOctets,
  meetingCalendar,
  meetingsFeed,
  type CalendarOptions,
} from "./calendar.server";

// Debian's python3-icalendar: /usr/bin/python3 explicitly, as the first python3 on PATH may be
// another build that does not see Debian's packages.
const PYTHON = "/usr/bin/python3";
const PY_READER = `
import sys, json, datetime
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read().decode("utf-8"))
out = {"method": str(cal.get("method")) if cal.get("method") else None, "events": []}
for ev in cal.walk("VEVENT"):
    start = ev.decoded("dtstart")
    end = ev.decoded("dtend")
    out["events"].append({
        "uid": str(ev.get("uid")),
        "sequence": int(ev.get("sequence", 0)),
        "status": str(ev.get("status")) if ev.get("status") else None,
        "transp": str(ev.get("transp")) if ev.get("transp") else None,
        "summary": str(ev.get("summary")),
        "location": str(ev.get("location")),
        "start": start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "end": end.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "utc": start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0),
    })
print(json.dumps(out))
`;

interface Parsed {
  method: string | null;
  events: {
    uid: string;
    sequence: number;
    status: string | null;
    transp: string | null;
    summary: string;
    location: string;
    start: string;
    end: string;
    utc: boolean;
  }[];
}

function withPython(ics: string): Parsed {
  return JSON.parse(
    execFileSync(PYTHON, ["-c", PY_READER], { input: ics, encoding: "utf8" }),
  ) as Parsed;
}

function withIcalJs(ics: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const method = calendar.getFirstPropertyValue("method");
  return {
    method: method === null ? null : String(method),
    events: calendar.getAllSubcomponents("vevent").map((ev) => {
      const start = ev.getFirstPropertyValue("dtstart") as ICAL.Time;
      const end = ev.getFirstPropertyValue("dtend") as ICAL.Time;
      const str = (name: string) => {
        const v = ev.getFirstPropertyValue(name);
        return v === null ? null : String(v);
      };
      return {
        uid: str("uid")!,
        sequence: Number(ev.getFirstPropertyValue("sequence") ?? 0),
        status: str("status"),
        transp: str("transp"),
        summary: str("summary")!,
        location: str("location")!,
        start: start.toJSDate().toISOString(),
        end: end.toJSDate().toISOString(),
        utc: start.zone === ICAL.Timezone.utcTimezone,
      };
    }),
  };
}

/** Both parsers must read the same thing; the test then checks that one reading. */
function parseBoth(ics: string): Parsed {
  const py = withPython(ics);
  const js = withIcalJs(ics);
  expect(py).toEqual(js);
  return js;
}

function expectFolded(ics: string) {
  expect(ics.endsWith("\r\n")).toBe(true);
  for (const line of ics.split("\r\n")) {
    expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    // A cut inside a UTF-8 sequence would leave a replacement character once decoded alone.
    expect(Buffer.from(line, "utf8").toString("utf8")).not.toContain("\uFFFD");
  }
}

let env: ReturnType<typeof tempDatabase>;
beforeEach(() => (env = tempDatabase()));
afterEach(() => {
  vi.useRealTimers();
  env.cleanup();
});

const TITLE = "Informasjonsmøte om småhus ved Gjøsvika sykehjem – bærekraftige løsninger for Røros";
const options = (
  method: CalendarOptions["method"],
  extra: Partial<CalendarOptions> = {},
): CalendarOptions => ({
  method,
  meetingUrl: "https://moter.roros.kommune.no/meetings/smahus",
  uidDomain: "moter.roros.kommune.no",
  organizer: { name: "Røros kommune", email: "postmottak@roros.kommune.no" },
  attendee: { name: "Åse Øvergård Ærø", email: "ase@example.no", partySize: 2 },
  ...extra,
});

function meetingOn(date: string, start = "19:00", end = "21:00"): Meeting {
  const id = createTestMeeting(env.db, {
    title: TITLE,
    startsAt: osloToUtc(date, start),
    endsAt: osloToUtc(date, end),
    venueName: "Storstuggu, store sal (inngang fra Ørvikvegen, følg skiltene)",
    address: "Osloveien 2, 7374 Røros",
    description:
      "Kommunen orienterer om småhusene bak Gjøsvika, og så blir det spørsmål og svar på Røros.",
  });
  return getMeetingById(env.db, id)!;
}

describe("the iCalendar helper, read by ical.js and Python's icalendar", () => {
  it("puts a winter and a summer meeting at the Oslo wall time, in UTC, æøå intact", () => {
    const winter = parseBoth(meetingCalendar(meetingOn("2027-01-14"), options("REQUEST")));
    expect(winter.events[0]).toMatchObject({
      start: "2027-01-14T18:00:00.000Z",
      end: "2027-01-14T20:00:00.000Z",
      utc: true,
    });
    expect(winter.events[0]!.summary).toBe(TITLE);
    expect(winter.events[0]!.location).toBe(
      "Storstuggu, store sal (inngang fra Ørvikvegen, følg skiltene), Osloveien 2, 7374 Røros",
    );
    const summer = parseBoth(meetingCalendar(meetingOn("2027-06-10"), options("REQUEST")));
    expect(summer.events[0]).toMatchObject({
      start: "2027-06-10T17:00:00.000Z",
      end: "2027-06-10T19:00:00.000Z",
      utc: true,
    });
  });

  it("keeps the UID and raises SEQUENCE when a meeting moves across the change to summer time", () => {
    const meeting = meetingOn("2027-03-25");
    const before = parseBoth(meetingCalendar(meeting, options("REQUEST")));
    expect(before.events[0]!.start).toBe("2027-03-25T18:00:00.000Z");
    updateMeeting(env.db, meeting.id, {
      ...meeting,
      startsAt: osloToUtc("2027-04-01", "19:00"),
      endsAt: osloToUtc("2027-04-01", "21:00"),
    });
    bumpSequence(env.db, meeting.id);
    const moved = getMeetingById(env.db, meeting.id)!;
    const after = parseBoth(meetingCalendar(moved, options("REQUEST")));
    expect(after.method).toBe("REQUEST");
    expect(after.events[0]!.uid).toBe(before.events[0]!.uid);
    expect(after.events[0]!.sequence).toBe(before.events[0]!.sequence + 1);
    expect(after.events[0]!.start).toBe("2027-04-01T17:00:00.000Z");
  });

  it("cancels with METHOD:CANCEL, STATUS:CANCELLED, and does not block the time", () => {
    const meeting = meetingOn("2027-10-28");
    const cancel = parseBoth(
      meetingCalendar(meeting, options("CANCEL", { cancelled: true, sequence: 3 })),
    );
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events[0]).toMatchObject({
      status: "CANCELLED",
      transp: "TRANSPARENT",
      sequence: 3,
    });
    // After the change back to winter time on 31 October: still the Oslo wall time.
    const after = parseBoth(meetingCalendar(meetingOn("2027-11-04"), options("REQUEST")));
    expect(after.events[0]!.start).toBe("2027-11-04T18:00:00.000Z");
  });

  it("folds every line at 75 octets, never inside a UTF-8 sequence", () => {
    const ics = meetingCalendar(meetingOn("2027-01-14"), options("REQUEST"));
    expectFolded(ics);
    // The ics package alone folds at 75 characters, so this title would run over 75 octets.
    expect(ics).toMatch(/\r\n /);
    const folded = foldOctets(`SUMMARY:${"ø".repeat(100)}\r\n`);
    expectFolded(folded);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"ø".repeat(100)}\r\n`);
  });

  it("writes each attendee's file as ics alone would, from one skeleton per content, stamped when made", () => {
    const meeting = meetingOn("2027-01-14");
    const people = [
      { name: "Åse Øvergård Ærø", email: "ase@example.no", partySize: 2 },
      // Replacement patterns stay text; long names are folded in the filled-in file.
      { name: "Ola $& $1 $$ Nordmann", email: "ola+mote@example.no", partySize: 1 },
      {
        name: `Kari "Kåra" ${"Bjørnstad-".repeat(8)}Haugen`,
        email: "kari@example.no",
        partySize: 5,
      },
      { name: "Åse Øvergård Ærø", email: "ase2@example.no", partySize: 2 },
    ];
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const [i, attendee] of people.entries()) {
      for (const method of ["REQUEST", "CANCEL"] as const) {
        const now = new Date(Date.UTC(2027, 0, 2 + i, 9, 30, 15));
        vi.setSystemTime(now);
        const opts = options(method, { attendee, cancelled: method === "CANCEL" });
        const made = meetingCalendar(meeting, opts);
        // ics takes the DTSTAMP as `timestamp`, which its types leave out.
        const attributes: EventAttributes & { timestamp: number } = {
          ...eventAttributes(meeting, opts),
          timestamp: now.getTime(),
        };
        const alone = createEvent(attributes);
        expect(made).toBe(foldOctets(alone.value!));
        expectFolded(made);
        const event = new ICAL.Component(ICAL.parse(made)).getAllSubcomponents("vevent")[0]!;
        const person = event.getFirstProperty("attendee")!;
        expect(person.getFirstValue()).toBe(`mailto:${attendee.email}`);
        expect(person.getParameter("cn")).toBe(attendee.name.replace(/"/g, ""));
        expect(person.getParameter("partstat")).toBe(method === "CANCEL" ? "DECLINED" : "ACCEPTED");
        expect(event.getFirstPropertyValue("dtstamp")!.toString()).toBe(
          now.toISOString().replace(".000", ""),
        );
      }
    }
  });

  it("lists published and cancelled meetings in the feed, the cancelled one marked, drafts left out", () => {
    const open = meetingOn("2027-01-14");
    const cancelled = meetingOn("2027-06-10");
    const draft = meetingOn("2027-06-17");
    setMeetingStatus(env.db, cancelled.id, "cancelled");
    setMeetingStatus(env.db, draft.id, "draft");
    const all = [open, getMeetingById(env.db, cancelled.id)!].map((meeting) => ({
      meeting,
      meetingUrl: `https://moter.roros.kommune.no/meetings/${meeting.slug}`,
    }));
    const ics = meetingsFeed(all, {
      uidDomain: "moter.roros.kommune.no",
      calendarName: "Folkemøter i Røros kommune",
    });
    expectFolded(ics);
    const feed = parseBoth(ics);
    expect(feed.method).toBe("PUBLISH");
    expect(feed.events.map((e) => e.status)).toEqual(["CONFIRMED", "CANCELLED"]);
    expect(feed.events[1]!.start).toBe("2027-06-10T17:00:00.000Z");
    expect(ics).toContain("X-WR-CALNAME:Folkemøter i Røros kommune");
  });

  it("gives add-to-calendar links the same UTC start and end as the file", () => {
    const meeting = meetingOn("2027-06-10");
    const links = addToCalendarLinks({ publicUrl: "https://moter.roros.kommune.no" }, meeting);
    const google = new URL(links.google);
    expect(google.searchParams.get("dates")).toBe("20270610T170000Z/20270610T190000Z");
    expect(google.searchParams.get("text")).toBe(TITLE);
    for (const link of [links.outlook, links.office365]) {
      const url = new URL(link);
      expect(url.searchParams.get("startdt")).toBe("2027-06-10T17:00:00Z");
      expect(url.searchParams.get("enddt")).toBe("2027-06-10T19:00:00Z");
      expect(url.searchParams.get("subject")).toBe(TITLE);
    }
    expect(new URL(links.outlook).host).toBe("outlook.live.com");
    expect(new URL(links.office365).host).toBe("outlook.office.com");
    expect(links.ics).toBe(`https://moter.roros.kommune.no/meetings/${meeting.slug}/calendar.ics`);
  });

  it("describes the meeting in plain text: its first paragraph without Markdown, links with their address", () => {
    const meeting = meetingOn("2027-06-10");
    updateMeeting(env.db, meeting.id, {
      ...meeting,
      description: [
        "## Om møtet",
        "Møtet er **åpent** for _alle_. Les [planen](https://roros.kommune.no/plan) først.",
        "- Andre avsnitt blir ikke med",
      ].join("\n\n"),
    });
    const described = getMeetingById(env.db, meeting.id)!;
    const expected =
      "Møtet er åpent for alle. Les planen (https://roros.kommune.no/plan) først.\n\n" +
      "https://moter.roros.kommune.no/meetings/smahus";
    const event = new ICAL.Component(
      ICAL.parse(meetingCalendar(described, options("REQUEST"))),
    ).getAllSubcomponents("vevent")[0]!;
    expect(event.getFirstPropertyValue("description")).toBe(expected);
    const links = addToCalendarLinks({ publicUrl: "https://moter.roros.kommune.no" }, described);
    const page = `https://moter.roros.kommune.no/meetings/${described.slug}`;
    const linked = expected.replace("https://moter.roros.kommune.no/meetings/smahus", page);
    expect(new URL(links.google).searchParams.get("details")).toBe(linked);
    expect(new URL(links.outlook).searchParams.get("body")).toBe(linked);
  });
});
