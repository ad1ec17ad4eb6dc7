// Process figures from /proc, the bare node:http baseline and the cold-start measurement.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { projectRoot } from "../../db/connection";
import { serverStart } from "../../app/testing/start-command";

/** Resident set now and at its peak (VmHWM), in MiB. */
export function memory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: kib("VmRSS") / 1024, peakMiB: kib("VmHWM") / 1024 };
}

async function waitFor200(url: string, timeoutMs: number, intervalMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const ok = await fetch(url).then(
      async (r) => (await r.arrayBuffer(), r.status === 200),
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} gave no 200 within ${timeoutMs} ms`);
}

/**
 * A bare node:http server in its own process answering every request with the same bytes:
 * the ceiling of Node itself on this machine.
 */
export async function startBareHttp(port: number, html: string): Promise<{ stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-bare-"));
  const file = path.join(dir, "page.html");
  writeFileSync(file, html);
  const code = `
    const body = require("node:fs").readFileSync(${JSON.stringify(file)});
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  try {
    await waitFor200(`http://127.0.0.1:${port}/`, 10_000, 20);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Milliseconds from spawning the server as `npm start` does on an empty data folder (demo meeting seeded at
 * boot) to the first 200 of the meeting page, polling every 5 ms.
 */
export async function coldStart(
  port: number,
  slug: string,
  env: Record<string, string>,
): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-cold-"));
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const start = serverStart();
    child = spawn(process.execPath, start.args, {
      cwd: projectRoot(),
      env: {
        ...process.env,
        ...start.env,
        ...env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dir,
        PUBLIC_URL: base,
        SEED_DEMO: "true",
      },
      stdio: "ignore",
    });
    await waitFor200(`${base}/meetings/${slug}`, 20_000, 5);
    return performance.now() - t0;
  } finally {
    if (child) {
      const exited = new Promise((r) => child!.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      child.kill("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
