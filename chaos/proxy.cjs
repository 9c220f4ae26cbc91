/**
 * What a Kubernetes Service does for the scale-out run: one address in front of a subgraph's
 * replicas. Each new TCP connection goes to the next replica in turn; a replica that refuses the
 * connection (killed, or still starting) is skipped, the way a Service drops an endpoint whose
 * readiness fails. A connection already open to a replica that dies breaks, and the request on it
 * fails as it would in a cluster.
 */
const net = require('node:net');

/** Listens on a free port of 127.0.0.1; `targets()` gives the replicas' ports at the moment of each connection. */
function startRoundRobinProxy(targets) {
  let turn = 0;
  const sockets = new Set();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    client.pause();
    const ports = targets();
    const first = turn++;
    const tryNext = (i) => {
      if (i >= ports.length || client.destroyed) {
        client.destroy();
        return;
      }
      const upstream = net.connect({ host: '127.0.0.1', port: ports[(first + i) % ports.length] });
      let connected = false;
      sockets.add(upstream);
      upstream.once('close', () => {
        sockets.delete(upstream);
        if (connected) client.destroy();
      });
      upstream.on('error', () => {
        if (!connected) tryNext(i + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        client.once('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryNext(0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: server.address().port,
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

module.exports = { startRoundRobinProxy };
