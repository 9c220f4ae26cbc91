import { z } from 'zod';

/**
 * The settings every simulator reads when it runs as its own process; every bad variable is
 * listed at once. `defaultPort` differs per simulator (compose and the k8s files use the same).
 */
export function simulatorEnvSchema(defaultPort: number) {
  return z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_FILE: z.string().trim().optional().transform((v) => v || undefined),
    ADMIN_ALLOW_REMOTE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  });
}
export type SimulatorEnv = z.infer<ReturnType<typeof simulatorEnvSchema>>;

export function readSimulatorEnv(name: string, schema: ReturnType<typeof simulatorEnvSchema>, source: Record<string, string | undefined> = process.env): SimulatorEnv {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid ${name} configuration:\n${lines.join('\n')}`);
}

interface StartedSimulator {
  url: string;
  stop(): Promise<void>;
}

/**
 * `node simulators/<name>/dist/main.js`: a simulator as its own process. Prints one JSON line
 * `{"listening":"http://host:port"}` on stdout once it accepts requests (the spawn helper reads it,
 * also for PORT=0) and stops cleanly on SIGTERM or SIGINT (or when stdin closes, if
 * SIM_EXIT_WITH_PARENT=true, so a crashed test run leaves no simulator behind).
 */
export function runSimulatorProcess(name: string, schema: ReturnType<typeof simulatorEnvSchema>, start: (env: SimulatorEnv) => Promise<StartedSimulator>): void {
  const main = async () => {
    const simulator = await start(readSimulatorEnv(name, schema));
    process.stdout.write(`${JSON.stringify({ listening: simulator.url })}\n`);
    let stopping = false;
    const stop = (reason: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`[${name}] stopping (${reason})\n`);
      simulator.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          process.stderr.write(`[${name}] stop failed: ${String(err)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    if (process.env.SIM_EXIT_WITH_PARENT === 'true') process.stdin.on('end', () => stop('parent gone')).resume();
  };
  main().catch((err: unknown) => {
    process.stderr.write(`[${name}] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
