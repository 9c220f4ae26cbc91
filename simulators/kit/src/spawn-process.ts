import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

/** A simulator running as its own OS process. */
export interface SpawnedSimulator {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface SpawnSimulatorOptions {
  /** 0 (the default) lets the OS choose; the child reports the port it bound. */
  port?: number;
  host?: string;
  dataFile?: string;
  /** More environment for the child (e.g. ADMIN_ALLOW_REMOTE). */
  env?: Record<string, string>;
  /** Copy the child's stderr to ours (e.g. under `npm start`). Default false: kept for error messages. */
  forwardStderr?: boolean;
  startTimeoutMs?: number;
}

/**
 * Runs a built simulator (`node dist/main.js`) as a child process and waits for the JSON line
 * `{"listening": url}` on its stdout. The child also stops when our end of its stdin closes, so
 * it does not outlive a crashed parent. This file is the same in every simulator.
 */
export function spawnSimulatorProcess(name: string, mainFile: string, options: SpawnSimulatorOptions = {}): Promise<SpawnedSimulator> {
  if (!existsSync(mainFile)) {
    return Promise.reject(new Error(`${name} is not built (${mainFile} is missing): run \`npm run build\` first.`));
  }
  const child = spawn(process.execPath, [mainFile], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: options.host ?? '127.0.0.1',
      DATA_FILE: options.dataFile ?? '',
      SIM_EXIT_WITH_PARENT: 'true',
      ...options.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    // The simulator's own lines already start with its name; prefix only those that do not.
    if (options.forwardStderr) process.stderr.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    child.stdin?.destroy();
  };

  return new Promise<SpawnedSimulator>((resolve, reject) => {
    let started = false;
    const fail = (why: string) => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      void stop();
      const tail = stderrTail.length ? `\n${stderrTail.join('\n')}` : '';
      reject(new Error(`${name} did not start: ${why}${tail}`));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${options.startTimeoutMs ?? 10_000} ms`), options.startTimeoutMs ?? 10_000);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? `code ${code}`}`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let message: { listening?: unknown };
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (typeof message.listening !== 'string' || started) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: message.listening, pid: child.pid!, stop });
    });
  });
}
