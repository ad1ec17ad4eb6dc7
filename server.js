// The production (and development) server: React Router's request handler behind Express,
// plus what the framework's own server cannot do for us: start the mail worker and the
// database at boot, pass the client address to actions, and shut down gracefully.
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@react-router/express";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";

const app = express();
app.disable("x-powered-by");
// Behind a municipality's reverse proxy the client address arrives in X-Forwarded-For.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

let build;
let viteDevServer;
if (production) {
  build = await import("./build/server/index.js");
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
} else {
  const vite = await import("vite");
  viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteDevServer.middlewares);
  app.use(express.static("public", { maxAge: "1h" }));
}

const loadBuild = () =>
  viteDevServer ? viteDevServer.ssrLoadModule("virtual:react-router/server-build") : build;

// Boot: validate the environment, open and migrate the database, seed the demo, start mail.
const entry = (await loadBuild()).entry.module;
try {
  entry.startServices();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

app.all(
  "*splat",
  createRequestHandler({
    build: loadBuild,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(port, host, () => {
  console.log(`folkemote listening on http://localhost:${port}`);
});

let closing = false;
async function close(signal) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: shutting down`);
  server.close();
  server.closeIdleConnections?.();
  const current = (await loadBuild()).entry.module;
  await current.shutdown();
  await viteDevServer?.close();
  process.exit(0);
}
process.on("SIGTERM", () => void close("SIGTERM"));
process.on("SIGINT", () => void close("SIGINT"));
