/**
 * One load run, in its own process so the load generator does not share the event loop of the
 * gateways under test: `node bench/load.cjs '<json>'` with { url, token, body, connections,
 * seconds }; prints one JSON line of requests/s, latency percentiles (ms) and failures.
 */
const autocannon = require('autocannon');

const { url, token, body, connections, seconds } = JSON.parse(process.argv[2]);
autocannon(
  {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections,
    duration: seconds,
    timeout: 10,
  },
  (err, r) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    process.stdout.write(
      `${JSON.stringify({
        rps: r.requests.average,
        p50: r.latency.p50,
        p97_5: r.latency.p97_5,
        p99: r.latency.p99,
        requests: r.requests.total,
        timeouts: r.timeouts,
        errors: r.errors,
        non2xx: r.non2xx,
      })}\n`,
    );
  },
);
