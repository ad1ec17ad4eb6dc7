// The SMTP pool's connections (emails/transport.ts, ADR 0026). nodemailer writes a message to
// its socket piece by piece as it builds it: about twenty writes for a reminder, each a system
// call of its own that also wakes the SMTP server's process. A socket that holds what one turn
// of the event loop wrote and sends it together at the end of the turn (one writev) cut the
// server's CPU for a fan-out of 10,000 reminders over ten connections to an SMTP server on the
// same machine from 36.5-37.7 s to 28-35 s (ADR 0026 has the runs).
import net from "node:net";

/**
 * Makes a connected socket hold what one turn of the event loop writes and send it together
 * when the turn ends (`cork`, then `uncork` in `setImmediate`). Nothing waits longer than the
 * turn, and back-pressure (`write` returning false, then "drain") works as before. Put on the
 * socket itself once it is connected: `connect()` sets the socket's own `write` back to the
 * stream's (so a subclass's override would not survive it).
 */
function holdWritesPerTurn(socket: net.Socket): void {
  const write = socket.write as (...args: unknown[]) => boolean;
  let holding = false;
  socket.write = function (...args: unknown[]) {
    if (!holding) {
      holding = true;
      socket.cork();
      setImmediate(() => {
        holding = false;
        socket.uncork();
      });
    }
    return write.apply(socket, args);
  } as net.Socket["write"];
}

/** What nodemailer passes its `getSocket` hook: the transport's options, SMTP_URL parsed. */
interface SocketRequest {
  host?: string;
  port?: number | string;
  secure?: boolean;
  connectionTimeout?: number;
}

/**
 * nodemailer's `getSocket` hook: a socket connected to the transport's host and port, or
 * the error that kept it from connecting. The port and host default as nodemailer's own
 * connections do (465 for smtps, 587 otherwise; localhost). nodemailer takes it from there,
 * the TLS upgrade included (smtps and STARTTLS): after that the writes go through its TLS
 * socket, one at a time as before.
 */
export function connectHoldingSocket(
  request: SocketRequest,
  callback: (error: Error | null, socket?: { connection: net.Socket }) => void,
): void {
  const socket = new net.Socket();
  const settled = () => {
    socket.off("error", failed);
    socket.off("timeout", timedOut);
    socket.setTimeout(0);
  };
  function failed(error: Error) {
    settled();
    socket.destroy();
    callback(error);
  }
  function timedOut() {
    failed(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" }));
  }
  socket.once("error", failed);
  socket.once("timeout", timedOut);
  socket.setTimeout(request.connectionTimeout ?? 120_000);
  socket.connect(
    {
      host: request.host || "localhost",
      port: Number(request.port) || (request.secure ? 465 : 587),
    },
    () => {
      settled();
      holdWritesPerTurn(socket);
      callback(null, { connection: socket });
    },
  );
}
