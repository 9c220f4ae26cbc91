import { readEnv } from './env';
import { startTimeTrackingSimulator } from './server';

/**
 * `node simulators/time-tracking/dist/main.js`: the simulator as its own process. Prints one JSON
 * line `{"listening":"http://host:port"}` on stdout once it accepts requests (the spawn helper
 * reads it, also for PORT=0) and stops cleanly on SIGTERM or SIGINT (or when stdin closes, if
 * SIM_EXIT_WITH_PARENT=true, so a crashed test run leaves no simulator behind).
 */
async function main(): Promise<void> {
  const env = readEnv();
  const simulator = await startTimeTrackingSimulator({ port: env.PORT, host: env.HOST, dataFile: env.DATA_FILE, allowRemoteAdmin: env.ADMIN_ALLOW_REMOTE });
  process.stdout.write(`${JSON.stringify({ listening: simulator.url })}\n`);

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[time-tracking-simulator] stopping (${reason})\n`);
    simulator.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`[time-tracking-simulator] stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.env.SIM_EXIT_WITH_PARENT === 'true') {
    process.stdin.on('end', () => stop('parent gone')).resume();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[time-tracking-simulator] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
