/**
 * Benchmarks: prints figures and ratios against a baseline measured in the same run, so
 * numbers compare across machines. Not a test: nothing here passes or fails.
 *
 *   npm run build && npm run bench
 *
 * 1. Registrations: the full register() path (seat check, waitlist, token, calendar, outbox
 *    row, one BEGIN IMMEDIATE transaction) against a bare INSERT per transaction.
 * 2. Pages: the built server answering the meeting page against /healthz, sequential and
 *    with 8 concurrent clients, plus the server's memory after the load.
 * 3. Email rendering: a confirmation email (HTML, text, QR code) against JSON encoding.
 */
import { performance } from "node:perf_hooks";
import { immediate } from "../db/connection";
import { getMeetingById } from "../db/meetings";
import { createTestMeeting, tempDatabase } from "../db/testing";
import { renderEmail } from "../emails/render";
import { register } from "../app/registrations/registrations.server";
import { startServer } from "../app/testing/server";

const fmt = (n: number, digits = 1) => n.toLocaleString("en", { maximumFractionDigits: digits });

function time(label: string, runs: number, fn: (i: number) => void) {
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn(i);
  const ms = performance.now() - start;
  return { label, runs, ms, perSecond: (runs / ms) * 1000, perOpMs: ms / runs };
}

async function timeAsync(label: string, runs: number, fn: (i: number) => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn(i);
  const ms = performance.now() - start;
  return { label, runs, ms, perSecond: (runs / ms) * 1000, perOpMs: ms / runs };
}

function report(title: string, baseline: { label: string; perSecond: number; perOpMs: number }, subject: { label: string; perSecond: number; perOpMs: number }) {
  console.log(`\n## ${title}`);
  for (const r of [baseline, subject]) {
    console.log(`  ${r.label.padEnd(40)} ${fmt(r.perSecond).padStart(10)} /s   ${fmt(r.perOpMs, 3).padStart(8)} ms/op`);
  }
  console.log(`  ratio (subject / baseline time)         ${fmt(subject.perOpMs / baseline.perOpMs, 2)}×`);
}

async function registrations() {
  const env = tempDatabase();
  const ctx = { db: env.db, publicUrl: "http://localhost:3000", mailFrom: "Røros kommune <post@example.no>" };
  env.db.exec("CREATE TABLE bench_baseline (id INTEGER PRIMARY KEY, name TEXT, email TEXT, n INTEGER)");
  const insert = env.db.prepare("INSERT INTO bench_baseline (name, email, n) VALUES (?, ?, ?)");
  const runs = 2000;
  const baseline = time("bare INSERT in BEGIN IMMEDIATE", runs, (i) =>
    immediate(env.db, () => insert.run(`Person ${i}`, `p${i}@example.no`, 1)),
  );
  const meetingId = createTestMeeting(env.db, { capacity: runs / 2, maxPartySize: 4 });
  const needs = { accessibility: false, interpreter: false, other: false, text: "" };
  const subject = time("register() (half confirmed, half waitlisted)", runs, (i) =>
    register(ctx, meetingId, { name: `Person ${i}`, email: `p${i}@example.no`, partySize: 1 + (i % 2), needs }),
  );
  report(`Registrations (${runs})`, baseline, subject);
  const meeting = getMeetingById(env.db, meetingId)!;
  env.cleanup();
  return meeting;
}

async function emails() {
  const payload = {
    kind: "confirmed",
    name: "Kari Nordmann",
    partySize: 2,
    waitlistPosition: null,
    status: "confirmed",
    manageUrl: "http://localhost:3000/r/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    meeting: {
      title: "Informasjonsmøte om småhus ved Gjøsvika",
      when: "torsdag 10. desember 2026 kl. 19.00–21.00",
      venueName: "Storstuggu",
      address: "Osloveien 2, 7374 Røros",
      mapUrl: null,
      accessibility: "Trinnfri inngang.",
      url: "http://localhost:3000/meetings/smahus-gjosvika",
      contact: null,
    },
    checkIn: { code: "K7M-Q2P", url: "http://localhost:3000/admin/meetings/1/checkin?code=K7M-Q2P" },
  };
  const runs = 200;
  await renderEmail("registration", payload); // warm up
  const baseline = time("JSON round trip of the payload", runs * 50, () => JSON.parse(JSON.stringify(payload)));
  const subject = await timeAsync("renderEmail (HTML + text + QR PNG)", runs, () => renderEmail("registration", payload));
  report("Email rendering", baseline, subject);
}

async function load(url: string, total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        const response = await fetch(url);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const ms = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (total / ms) * 1000,
    perOpMs: ms / total,
    p50: latencies[Math.floor(latencies.length * 0.5)]!,
    p95: latencies[Math.floor(latencies.length * 0.95)]!,
  };
}

async function pages() {
  const env = tempDatabase("folkemote.sqlite");
  env.db.close();
  const { base, process: server, stop } = await startServer(env.dir, {
    NODE_ENV: "production",
    SESSION_SECRET: "b".repeat(32),
    SEED_DEMO: "true",
  });
  try {
    const rssBefore = await rss(server.pid!);
    const requests = 1000;
    for (const concurrency of [1, 8]) {
      await load(`${base}/meetings/smahus-gjosvika`, 50, concurrency); // warm up
      const baseline = await load(`${base}/healthz`, requests, concurrency);
      const subject = await load(`${base}/meetings/smahus-gjosvika`, requests, concurrency);
      report(
        `Pages, ${concurrency} client${concurrency > 1 ? "s" : ""} (${requests} requests)`,
        { label: `/healthz (p50 ${fmt(baseline.p50, 2)} ms, p95 ${fmt(baseline.p95, 2)} ms)`, ...baseline },
        { label: `meeting page (p50 ${fmt(subject.p50, 2)} ms, p95 ${fmt(subject.p95, 2)} ms)`, ...subject },
      );
    }
    const rssAfter = await rss(server.pid!);
    console.log(`\n## Server memory (RSS)\n  after start ${fmt(rssBefore / 1024)} MiB, after load ${fmt(rssAfter / 1024)} MiB, ratio ${fmt(rssAfter / rssBefore, 2)}×`);
  } finally {
    stop();
    env.cleanup();
  }
}

async function rss(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

console.log(`folkemote benchmarks, Node ${process.version}, ${new Date().toISOString()}`);
await registrations();
await emails();
await pages();
