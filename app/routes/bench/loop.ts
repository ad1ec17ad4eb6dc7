import { eventLoopDelay, requireBenchBaselines } from "~/platform/bench.server";

/** Benchmark probe: the server's event-loop delay since the last call (then reset). */
export function loader() {
  requireBenchBaselines();
  return Response.json(eventLoopDelay(), { headers: { "Cache-Control": "no-store" } });
}
