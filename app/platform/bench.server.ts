/**
 * Baselines for `npm run bench` (scripts/bench.ts): the framework doing the least it can, so
 * the meeting page and the sign-up POST are measured against this app's own ceiling on the
 * same machine in the same run. The routes exist in every build but answer 404 unless the
 * server runs with BENCH_BASELINES=1.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { immediate } from "../../db/connection";
import { insertBenchRow } from "../../db/bench";
import { services } from "./context.server";
import { env } from "./env.server";
import { notFound } from "./refusal.server";

/** Throws the same 404 as an unknown URL unless the baselines are switched on. */
export function requireBenchBaselines(): void {
  if (!env().BENCH_BASELINES) notFound();
}

const FILLER =
  "Informasjonsmøte om småhus ved Gjøsvika. Kommunen orienterer om planene og svarer på spørsmål. ";

/** About `bytes` characters of text in paragraphs, the shape of a meeting description. */
export function fillerParagraphs(bytes: number): string[] {
  const size = Math.max(0, Math.min(1_000_000, Math.floor(bytes)));
  const paragraphs: string[] = [];
  for (let left = size; left > 0; left -= 400) {
    paragraphs.push(FILLER.repeat(5).slice(0, Math.min(400, left)));
  }
  return paragraphs;
}

/** One row in one BEGIN IMMEDIATE transaction: what the sign-up does, minus every rule. */
export function insertBaselineRow(name: string, email: string): number {
  const { db } = services();
  return immediate(db, () => insertBenchRow(db, name.slice(0, 200), email.slice(0, 200)));
}

let loop: IntervalHistogram | undefined;

/**
 * How long the event loop was held up since the last reading, in milliseconds: the benchmark
 * reads it before and after a load to tell queueing behind long work (rendering, a query, a
 * collection) from the network. Watching starts at the first reading.
 */
export function eventLoopDelay() {
  if (!loop) {
    loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
  }
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const figures = {
    p50: ms(loop.percentile(50)),
    p99: ms(loop.percentile(99)),
    max: ms(loop.max),
    samples: loop.count,
  };
  loop.reset();
  return figures;
}
