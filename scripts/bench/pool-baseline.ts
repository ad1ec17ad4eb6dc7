/**
 * The reminder fan-out's baseline (issue 20): what nodemailer's pool alone reaches on the same
 * SMTP peer, with one reminder rendered once and sent `count` times to different addresses,
 * over as many connections as the server's mailer uses. Nothing of the app runs: no outbox,
 * no rendering per message, no claims. The fan-out is measured against this, so the message
 * has the fan-out's shape: the add-to-calendar links and the attendee's calendar part.
 */
import { performance } from "node:perf_hooks";
import nodemailer from "nodemailer";
import { renderEmail } from "../../emails/render";

export interface PoolBaseline {
  sent: number;
  seconds: number;
  perSecond: number;
}

/** A reminder as the app would queue it, with made-up but valid facts. */
const reminder = {
  language: "nb",
  kind: "reminder",
  name: "Kari Nordmann",
  status: "confirmed",
  partySize: 1,
  waitlistPosition: null,
  manageUrl: "http://127.0.0.1/r/0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
  changes: [],
  message: null,
  subject: null,
  meeting: {
    title: "Informasjonsmøte om småhus ved Gjøsvika",
    when: "torsdag 10. desember 2026 kl. 19.00–21.00",
    venueName: "Storstuggu",
    address: "Osloveien 2, 7374 Røros",
    mapUrl: null,
    accessibility: "Trinnfri inngang. Teleslynge i salen.",
    url: "http://127.0.0.1/meetings/smahus-gjosvika",
    contact: null,
    agenda: ["19.00 Velkommen", "19.15 Planene", "20.00 Spørsmål"],
  },
  calendarAttached: true,
  calendarLinks: {
    google:
      "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Informasjonsm%C3%B8te",
    outlook: "https://outlook.live.com/calendar/0/action/compose?subject=Informasjonsm%C3%B8te",
    office365: "https://outlook.office.com/calendar/0/action/compose?subject=Informasjonsm%C3%B8te",
    ics: "http://127.0.0.1/meetings/smahus-gjosvika/calendar.ics",
  },
};

export async function poolBaseline(options: {
  smtpUrl: string;
  count: number;
  maxConnections: number;
  sinkCount: () => number;
  timeoutMs: number;
  /** The attendee's calendar part, as the app makes it (METHOD:REQUEST). */
  ical: string;
}): Promise<PoolBaseline> {
  const { html, text, subject } = await renderEmail("meeting", reminder);
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections,
  });
  const before = options.sinkCount();
  const t0 = performance.now();
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < options.count; i++) {
    sends.push(
      transporter.sendMail({
        from: "post@example.no",
        to: `pool-${i}@example.no`,
        subject,
        html,
        text,
        icalEvent: { method: "REQUEST", content: options.ical, filename: "invitasjon.ics" },
      }),
    );
  }
  await Promise.race([
    Promise.allSettled(sends),
    new Promise((r) => setTimeout(r, options.timeoutMs)),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  transporter.close();
  const sent = options.sinkCount() - before;
  return { sent, seconds, perSecond: sent / seconds };
}
