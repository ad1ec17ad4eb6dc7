// Load that a hostile visitor makes, kept up in the background while wrk measures a page: the
// tests prove that the page is answered meanwhile, the bench how fast.

export interface Attack {
  /** Stops sending and resolves once the requests in flight are answered, with their statuses. */
  stop(): Promise<Map<number, number>>;
}

/** `clients` loops, each sending one request after another until stopped. */
function keepSending(
  clients: number,
  send: (client: number, n: number) => Promise<number>,
): Attack {
  let stopped = false;
  const statuses = new Map<number, number>();
  const loops = Array.from({ length: clients }, async (_, client) => {
    for (let n = 0; !stopped; n++) {
      const status = await send(client, n).catch(() => 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  });
  return {
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return statuses;
    },
  };
}

/**
 * Wrong passwords from ever new addresses (X-Forwarded-For: the server must run with
 * TRUST_PROXY) for ever new accounts, so no throttle turns them away and every one is hashed:
 * `inFlight` at once, enough to keep the server's hashing slots and their queue full.
 */
export function loginBurst(base: string, inFlight = 6): Attack {
  return keepSending(inFlight, async (client, n) => {
    const response = await fetch(`${base}/admin/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Origin: base,
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": `10.${client}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: new URLSearchParams({
        email: `gjett-${client}-${n}@example.no`,
        password: "feil-passord-123",
        redirectTo: "/admin",
      }),
    });
    await response.arrayBuffer();
    return response.status;
  });
}

/**
 * Issue 14's body, 15,000 fields in 60 KB, sent by `clients` at once to the forms anyone may
 * post (login, first-run setup, subscribe, ask), again and again.
 */
export function manyFieldsFlood(base: string, slug: string, clients = 4): Attack {
  const body = Array.from({ length: 15_000 }, () => "x=1").join("&");
  const targets = [
    "/admin/login",
    `/admin/setup/${"A".repeat(43)}`,
    `/meetings/${slug}/subscribe`,
    `/meetings/${slug}/questions/new`,
  ];
  return keepSending(clients, async (client, n) => {
    const response = await fetch(base + targets[(client + n) % targets.length], {
      method: "POST",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  });
}
