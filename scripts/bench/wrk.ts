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

const DONE = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"duration":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
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
    const r = JSON.parse(line.slice("WRK_JSON ".length)) as Record<string, number>;
    const seconds = r.duration! / 1e6;
    return {
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Two or more runs of the same load as one: requests and time added up; the median is the
 * runs' mean, the tail (p90, p99, max) the worst run's, so a bad half is never averaged away.
 */
export function combinedRuns(...runs: WrkResult[]): WrkResult {
  const sum = (pick: (r: WrkResult) => number) => runs.reduce((s, r) => s + pick(r), 0);
  const worst = (pick: (r: WrkResult) => number) => Math.max(...runs.map(pick));
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => r.seconds);
  return {
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: sum((r) => r.p50) / runs.length,
    p90: worst((r) => r.p90),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    statusErrors: sum((r) => r.statusErrors),
    socketErrors: sum((r) => r.socketErrors),
  };
}
