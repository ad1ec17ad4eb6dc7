import { eventLoopDelay, requireBenchBaselines } from "~/platform/bench.server";

/** Benchmark probe: the server's event-loop delay since the last call (then reset). */
export function loader() {
  requireBenchBaselines();
  return Response.json(eventLoopDelay(), { headers: { "Cache-Control": "no-store" } });
}

/** Closed like the rest of /_bench/ when the baselines are off; otherwise GET only. */
export function action() {
  requireBenchBaselines();
  return new Response("GET only\n", { status: 405, headers: { Allow: "GET" } });
}
