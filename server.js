// The server for `npm start` (the built app) and `npm run dev` (Vite middleware): React
// Router's request handler behind Express, plus what the framework's own server cannot do
// for us: validate the environment and start the database and mail worker at boot, pass the
// client address to actions, put security headers and body limits in front of every route,
// answer repeat visits early, start page work one request per loop turn, and shut down
// gracefully.
import fs from "node:fs";
import v8 from "node:v8";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@react-router/express";

// V8 lets its old generation grow to up to four times what survived the last full collection
// on a machine with plenty of memory. Our live heap is about 50 MB, yet the process sat at
// 300-450 MB after a burst of sign-ups or reminders, most of it garbage waiting for the next
// collection. 1.5 times keeps it near 200 MB for a few more, short full collections (ADR 0009).
// V8 reads this flag at every full collection, so setting it here, first thing, covers every
// way the server starts (`npm start`, `node server.js`, the tests and the benchmark).
// The young generation's size is read only at start-up: `npm start` gives it on node's
// command line (package.json, `--max-semi-space-size=8`: 16 MB of young generation instead of
// 32, about 18 MiB less resident at the peak), and the tests and the benchmark start the server
// with the same arguments (app/testing/start-command.ts).
v8.setFlagsFromString("--heap-growing-percent=50");

const dev = process.argv.includes("--dev");

let viteDevServer;
let build;
if (dev) {
  const vite = await import("vite");
  viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
} else {
  build = await import("./build/server/index.js");
}
const loadBuild = () =>
  viteDevServer ? viteDevServer.ssrLoadModule("virtual:react-router/server-build") : build;

// Boot: validate the environment, open and migrate the database, seed the demo, start mail.
const { startServices, securityHeaders, builtFiles, limitBodies, originForm, serverTurns } = (
  await loadBuild()
).entry.module;
let env;
try {
  env = startServices().env;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = express();
// A middleware for GET and HEAD only. Not app.get("*splat"): a route layer matches the path
// against its pattern, builds the splat's decoded segments and dispatches through a route
// of its own, on every request, for handlers that need none of it.
const onGet = (handler) => (req, res, next) =>
  req.method === "GET" || req.method === "HEAD" ? handler(req, res, next) : next();
app.disable("x-powered-by");
// Behind a municipality's reverse proxy the client address arrives in X-Forwarded-For.
if (env.TRUST_PROXY) {
  const hops = Number(env.TRUST_PROXY);
  app.set("trust proxy", Number.isInteger(hops) ? hops : env.TRUST_PROXY);
}
// Before anything answers: security headers on every response.
app.use(securityHeaders({ csp: !dev, https: env.publicUrl.startsWith("https:") }));
// A request line with a whole URL (proxies send one) instead of a path is made its path;
// "*", another target or a path that does not decode is answered here, before the framework,
// which makes a URL of the host and the path (app/platform/request-target.server.ts).
app.use(originForm());
// The browser's files, each in the brotli or gzip made of it at build time (vite.config.ts)
// when the browser takes it, before any other work: a first visit asks for about thirty of them.
// They are held in memory (app/platform/built-files.server.ts).
if (!viteDevServer) app.use("/assets", builtFiles("build/client/assets"));
// A shared link with tracking parameters (fbclid, utm_…) goes to the same address without
// them: no page reads them, and with them every visit would be a new page to render
// (app/platform/tracking-params.ts).
app.use(
  onGet(async (req, res, next) => {
    const to = (await loadBuild()).entry.module.withoutTracking(req.originalUrl);
    if (to === null) return next();
    res.set("Cache-Control", "no-store").redirect(301, to);
  }),
);
// A repeat visit to a public page that cannot have changed: 304 before the framework runs
// (app/platform/conditional-get.server.ts).
app.use(
  onGet(async (req, res, next) => {
    const ifNoneMatch = req.headers["if-none-match"];
    if (!ifNoneMatch) return next();
    const current = await loadBuild();
    const headers = current.entry.module.earlyNotModified(
      req.originalUrl,
      ifNoneMatch,
      req.headers.cookie !== undefined,
      current.assets.version,
    );
    if (!headers) return next();
    res.status(304).setHeaders(headers).end();
  }),
);
if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // The few other built files (favicon…) by name, so page requests cost no file-system look-up.
  const topLevelFiles = new Set(
    fs
      .readdirSync("build/client", { withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => `/${d.name}`),
  );
  const staticFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (topLevelFiles.has(req.path) ? staticFiles(req, res, next) : next()));
}
// Pages start one per turn of the event loop, first come first served, so a busy server keeps
// letting new connections in; mail rendering waits for the turns pages leave
// (app/platform/turns.server.ts).
app.use(serverTurns.admit);
// A visit without cookies to a public page that cannot have changed since it was last
// rendered: the kept page, with this response's nonce, before the framework runs
// (app/platform/page-cache.server.ts).
app.use(
  onGet(async (req, res, next) => {
    // Every browser takes gzip, and a kept page has its gzip made when it was kept. A client
    // that takes brotli or deflate but not gzip (no browser) gets the render, which the
    // compression middleware below compresses.
    const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
    if (!gzip && req.acceptsEncodings("br", "deflate")) return next();
    const current = await loadBuild();
    const page = current.entry.module.earlyPage(
      req.originalUrl,
      req.headers.cookie !== undefined,
      current.assets.version,
      res.locals.cspNonce,
      gzip,
    );
    if (!page) return next();
    res.status(200).setHeaders(new Map(page.headers)).set("Content-Length", String(page.bytes));
    if (req.method === "HEAD") return res.end();
    // Corked, the pieces leave in one write to the socket (end() uncorks).
    res.cork();
    for (const piece of page.pieces) res.write(piece);
    res.end();
  }),
);
// What the framework answers is compressed as it is sent: only now, so that none of the
// answers above (files and kept pages come compressed already) pays for its wrapping of the
// response (15-30% of a kept page's requests a second, in alternating runs here).
app.use(compression());
// Then refuse large bodies before they are read. Only now: its counter starts the body
// flowing, and an empty body would end before the app, a turn later, began to read it.
app.use(limitBodies(env.bodyLimits));
app.use(
  createRequestHandler({
    // A function is called (and the route tree rebuilt) on every request: only the dev
    // server, whose modules change, needs that.
    build: viteDevServer ? loadBuild : build,
    mode: dev ? "development" : "production",
    getLoadContext: async (req, res) => {
      const current = await loadBuild();
      return {
        // Worked out (through the proxy chain) only when an action or a limiter asks.
        get clientIp() {
          return req.ip ?? req.socket.remoteAddress ?? "unknown";
        },
        cspNonce: res.locals.cspNonce,
        // Taken before the loaders run, for the early answers above (conditional-get.server.ts).
        freshness: current.entry.module.freshnessToken(current.assets.version),
      };
    },
  }),
);

// A rush of sign-ups (the link in the local paper) opens hundreds of connections at once. Node's
// accept queue holds 511; past that the kernel drops or resets new connections, so ask for
// the most Linux allows by default (net.core.somaxconn caps it).
const server = app.listen({ port: env.PORT, host: env.HOST, backlog: 4096 }, () => {
  console.log(`folkemote listening on ${env.publicUrl} (port ${env.PORT})`);
});

// How long requests in progress may finish after SIGTERM/SIGINT; then their connections are
// cut. Mail sends in progress get until the SMTP timeout. Whatever still hangs after both, the
// process exits anyway, before a process manager's usual 30 s run out. (While a synchronous
// task holds the event loop no signal handler can run at all; the form and body limits are
// what keep any request from holding it that long.)
const DRAIN_MS = 10_000;
const DEADLINE_MS = Math.max(DRAIN_MS, env.SMTP_TIMEOUT_SECONDS * 1000) + 3_000;

let closing = false;
async function close(signal) {
  // `npm start` passes the terminal's Ctrl-C on, so the same signal may come twice.
  if (closing) return;
  closing = true;
  console.log(`${signal}: finishing requests in progress, then stopping`);
  setTimeout(() => {
    console.error(`Still not stopped ${DEADLINE_MS / 1000} s after ${signal}: exiting anyway`);
    process.exit(1);
  }, DEADLINE_MS).unref();
  // Stop accepting and stop taking new mail at once; let requests and sends in progress finish.
  const drained = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
  const mailStopped = (await loadBuild()).entry.module.stopBackgroundWork();
  await drained;
  await mailStopped;
  await (await loadBuild()).entry.module.shutdown();
  await viteDevServer?.close();
  process.exit(0);
}
process.on("SIGTERM", () => void close("SIGTERM"));
process.on("SIGINT", () => void close("SIGINT"));
