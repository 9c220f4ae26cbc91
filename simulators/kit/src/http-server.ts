import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, RequestHandler } from 'express';

/** A running simulator: its base URL (with the bound port, also when asked for port 0) and stop(). */
export interface RunningSimulator {
  url: string;
  stop(): Promise<void>;
}

/**
 * Listens, and stops cleanly: no new connections, idle keep-alive connections closed, requests in
 * flight given a moment to finish, then every socket closed. `beforeClose` releases requests the
 * fault controls hold, so stopping never waits for a simulated time-out.
 */
export async function listen(app: Express, host: string, port: number, beforeClose: () => void): Promise<RunningSimulator> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        beforeClose();
        const force = setTimeout(() => server.closeAllConnections(), 2_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The admin side is for the demo, the tests and the benchmarks on this machine. */
export function loopbackOnly(allowRemote: boolean): RequestHandler {
  return (req, res, next) => {
    if (allowRemote || LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
    res.status(403).json({ error: { code: 'ADMIN_LOOPBACK_ONLY', message: 'The admin API answers loopback callers only.' } });
  };
}
