import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { connectHoldingSocket } from "./smtp-socket";

let server: Server | undefined;
let client: Socket | undefined;
afterEach(async () => {
  client?.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  server = undefined;
});

/** A TCP server on loopback that keeps every byte a connection sends it. */
async function listening(): Promise<{ port: number; received: () => string }> {
  let received = "";
  server = createServer((socket) => socket.on("data", (chunk) => (received += chunk)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
  return { port: (server.address() as AddressInfo).port, received: () => received };
}

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) =>
    connectHoldingSocket({ host: "127.0.0.1", port }, (error, socket) =>
      error ? reject(error) : resolve(socket!.connection),
    ),
  );
}

const turnEnd = () => new Promise((resolve) => setImmediate(resolve));

it("holds what one turn writes and sends it together when the turn ends", async () => {
  const peer = await listening();
  client = await connect(peer.port);
  client.write("MAIL FROM:<a@example.no>\r\n");
  client.write(Buffer.from("RCPT TO:<b@example.no>\r\n"));
  // Still in this turn: both writes wait in the socket, none has gone to the kernel.
  expect(client.writableLength).toBe(50);
  await turnEnd();
  expect(client.writableLength).toBe(0);
  // The next turn's write is held again, and everything arrives in order.
  client.write("DATA\r\n", () => {});
  expect(client.writableLength).toBe(6);
  await turnEnd();
  await expect
    .poll(peer.received)
    .toBe("MAIL FROM:<a@example.no>\r\nRCPT TO:<b@example.no>\r\nDATA\r\n");
});

it("hands the error over when nothing listens on the port", async () => {
  const { port } = await listening();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
  await expect(connect(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
});
