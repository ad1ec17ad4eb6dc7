// Load generation with wrk (Debian package `wrk`): fixed connections for a fixed time, loopback
// only. A Lua script prints wrk's summary as one JSON line we parse.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface WrkResult {
  requests: number;
  seconds: number;
  perSecond: number;
  /** Latencies in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses with status >= 400. */
  statusErrors: number;
  /** Socket errors: connect, read, write, timeout. */
  socketErrors: number;
}

export interface WrkOptions {
  url: string;
  connections: number;
  seconds: number;
  threads?: number;
  headers?: Record<string, string>;
  /** A POST body; `{thread}` and `{n}` are replaced per request to keep it unique. */
  postBody?: string;
  /**
   * A query string for each request, replacing the URL's own; `{thread}` and `{n}` are
   * replaced as in `postBody`, for an address no cache has seen.
   */
  query?: string;
}

/**
 * The percentiles wrk reports for each run beside the three in the summary, so that two runs
 * of the same load can be taken as one (combinedRuns): every per cent, and every tenth of one
 * above 97.
 */
const GRID = [
  ...Array.from({ length: 97 }, (_, i) => i + 1),
  ...Array.from({ length: 29 }, (_, i) => Math.round((97.1 + i / 10) * 10) / 10),
];

/** Each run's latency (ms) at every GRID percentile; kept out of the results' JSON. */
const distributions = new WeakMap<WrkResult, number[]>();

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  local q = {}
  for _, p in ipairs({${GRID.join(",")}}) do q[#q + 1] = latency:percentile(p) end
  io.write(string.format('WRK_JSON {"requests":%d,"duration":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"q":[%s]}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    table.concat(q, ",")))
end
`;

const luaString = (s: string) =>
  `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;

/** Lua that gives `text` with `{thread}` and `{n}` replaced by this thread's and request's number. */
const counted = (text: string) =>
  `(${luaString(text)}):gsub("{thread}", tostring(tid)):gsub("{n}", tostring(n))`;

function script(options: WrkOptions): string {
  const headers = Object.entries(options.headers ?? {})
    .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
    .join("\n");
  if (options.postBody === undefined && options.query === undefined) return `${headers}\n${DONE}`;
  const path =
    options.query === undefined
      ? "nil"
      : counted(`${new URL(options.url).pathname}?${options.query}`);
  const body = options.postBody === undefined ? "nil" : counted(options.postBody);
  return `
${headers}
${options.postBody === undefined ? "" : 'wrk.method = "POST"'}
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  local path = ${path}
  local body = ${body}
  return wrk.format(nil, path, nil, body)
end
${DONE}`;
}

/** Runs wrk once; resolves with its figures. Bounded by `seconds` plus a margin. */
export async function runWrk(options: WrkOptions): Promise<WrkResult> {
  const url = new URL(options.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`wrk only against loopback, not ${url.hostname}`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-wrk-"));
  const file = path.join(dir, "bench.lua");
  writeFileSync(file, script(options));
  const args = [
    `-t${options.threads ?? 2}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "--timeout",
    "10s",
    "-s",
    file,
    options.url,
  ];
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString()));
      child.stderr.on("data", (d: Buffer) => (out += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), (options.seconds + 30) * 1000);
      child.on("error", (e) =>
        reject(new Error(`could not run wrk (${e.message}); install it: apt-get install wrk`)),
      );
      child.on("close", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(out);
        else reject(new Error(`wrk exited with ${code}: ${out}`));
      });
    });
    const line = output.split("\n").find((l) => l.startsWith("WRK_JSON "));
    if (!line) throw new Error(`no summary from wrk: ${output}`);
    const { q, ...r } = JSON.parse(line.slice("WRK_JSON ".length)) as Record<string, number> & {
      q: number[];
    };
    const seconds = r.duration! / 1e6;
    const result: WrkResult = {
      requests: r.requests!,
      seconds,
      perSecond: r.requests! / seconds,
      p50: r.p50! / 1000,
      p90: r.p90! / 1000,
      p99: r.p99! / 1000,
      max: r.max! / 1000,
      statusErrors: r.status!,
      socketErrors: r.connect! + r.read! + r.write! + r.timeout!,
    };
    distributions.set(
      result,
      q.map((us) => us / 1000),
    );
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The share of a run's requests answered within `ms`, read off its GRID percentiles. */
function shareWithin(run: WrkResult, ms: number): number {
  const at = distributions.get(run)!;
  const points: [number, number][] = [
    [0, 0],
    ...at.map((v, i): [number, number] => [v, GRID[i]! / 100]),
    [run.max, 1],
  ];
  if (ms >= run.max) return 1;
  let share = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, s0] = points[i - 1]!;
    const [x1, s1] = points[i]!;
    if (ms >= x1) share = s1;
    else {
      if (ms > x0 && x1 > x0) share = s0 + ((s1 - s0) * (ms - x0)) / (x1 - x0);
      break;
    }
  }
  return share;
}

/** The latency within which `share` of all the runs' requests were answered together. */
function percentileOf(runs: WrkResult[], share: number): number {
  const total = runs.reduce((n, r) => n + r.requests, 0);
  const within = (ms: number) =>
    runs.reduce((n, r) => n + r.requests * shareWithin(r, ms), 0) / total;
  let low = 0;
  let high = Math.max(...runs.map((r) => r.max));
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (within(mid) >= share) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * Two or more runs of the same load as one: requests and time added up, and the percentiles of
 * all their requests together, from each run's distribution weighted by its requests.
 */
export function combinedRuns(...runs: WrkResult[]): WrkResult {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: percentileOf(runs, 0.5),
    p90: percentileOf(runs, 0.9),
    p99: percentileOf(runs, 0.99),
    max: Math.max(...runs.map((r) => r.max)),
    statusErrors: runs.reduce((n, r) => n + r.statusErrors, 0),
    socketErrors: runs.reduce((n, r) => n + r.socketErrors, 0),
  };
}
