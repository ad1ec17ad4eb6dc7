/**
 * Fixed ports for the resilience tests and the benchmark, moved by E2E_PORT_BASE like the
 * Playwright servers, so several checkouts can run side by side on one machine. Playwright
 * uses base+0…+5; the resilience tests take +20…+49 and the benchmark +70…+79.
 */
export function portFor(offset: number): number {
  const base = Number(process.env.E2E_PORT_BASE ?? 3210);
  if (!Number.isInteger(base) || base < 1024 || base + offset > 65535) {
    throw new Error(`E2E_PORT_BASE must be a port number, got ${process.env.E2E_PORT_BASE}`);
  }
  return base + offset;
}
