#!/usr/bin/env node
'use strict';
/*
 * Readiness check for a Kafka broker: "ready" means the broker answers a
 * kafkajs admin.describeCluster() request (an open port is not enough).
 *
 * Usage:
 *   node scripts/kafka-ready.cjs [--timeout-ms N] [--pid PID] [broker[,broker...] ...]
 *
 *   brokers       host:port list (arguments, comma separated or both);
 *                 default $KAFKA_BROKERS, else 127.0.0.1:19092.
 *                 "localhost" is rewritten to 127.0.0.1.
 *   --timeout-ms  give up after N ms (default 60000); retries until then.
 *   --pid         a broker process id; give up at once if it exits.
 *
 * Exit codes: 0 ready, 1 not ready within the timeout (or bad usage),
 *             2 the process given by --pid exited while waiting.
 */

const { Kafka, logLevel } = require('kafkajs');

const DEFAULT_BROKERS = '127.0.0.1:19092';
const DEFAULT_TIMEOUT_MS = 60000;
const RETRY_DELAY_MS = 500;

function usage(message) {
  if (message) console.error(`kafka-ready: ${message}`);
  console.error('usage: node scripts/kafka-ready.cjs [--timeout-ms N] [--pid PID] [host:port[,host:port...] ...]');
  process.exit(1);
}

function parseArgs(argv) {
  const out = { brokers: [], timeoutMs: DEFAULT_TIMEOUT_MS, pid: undefined };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const takeValue = () => {
      if (value !== undefined) return value;
      if (i + 1 >= argv.length) usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--timeout-ms') {
      const n = Number(takeValue());
      if (!Number.isFinite(n) || n < 0) usage('--timeout-ms must be a non-negative number');
      out.timeoutMs = n;
    } else if (arg === '--pid') {
      const n = Number(takeValue());
      if (!Number.isInteger(n) || n <= 0) usage('--pid must be a positive integer');
      out.pid = n;
    } else if (arg === '-h' || arg === '--help') {
      usage();
    } else if (arg.startsWith('--')) {
      usage(`unknown option ${arg}`);
    } else {
      out.brokers.push(...arg.split(','));
    }
  }
  if (out.brokers.length === 0) {
    out.brokers = (process.env.KAFKA_BROKERS || DEFAULT_BROKERS).split(',');
  }
  out.brokers = out.brokers
    .map((b) => b.trim())
    .filter(Boolean)
    // Never connect to "localhost": it may resolve to ::1 first, where the broker does not listen.
    .map((b) => b.replace(/^localhost(?=:|$)/i, '127.0.0.1'));
  if (out.brokers.length === 0) usage('no brokers given');
  return out;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function attempt(brokers, budgetMs) {
  const kafka = new Kafka({
    clientId: 'kafka-ready-check',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.max(250, Math.min(2000, budgetMs)),
    requestTimeout: Math.max(500, Math.min(5000, budgetMs)),
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    return await withTimeout(
      (async () => {
        await admin.connect();
        return admin.describeCluster();
      })(),
      Math.max(500, budgetMs),
      'describeCluster',
    );
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function describeError(err) {
  if (!err) return 'unknown error';
  const parts = [err.message || String(err)];
  if (err.originalError && err.originalError.message && err.originalError.message !== err.message) {
    parts.push(`(${err.originalError.message})`);
  }
  return parts.join(' ');
}

async function main() {
  const { brokers, timeoutMs, pid } = parseArgs(process.argv.slice(2));
  const list = brokers.join(',');
  const deadline = Date.now() + timeoutMs;
  let lastError;
  let attempts = 0;

  for (;;) {
    if (pid !== undefined && !processAlive(pid)) {
      console.error(`kafka not ready: broker process ${pid} exited while waiting for ${list}`);
      process.exit(2);
    }
    const remaining = deadline - Date.now();
    attempts++;
    try {
      const cluster = await attempt(brokers, Math.max(remaining, 500));
      const controller = cluster.controller === null || cluster.controller === undefined ? 'none' : cluster.controller;
      console.log(`kafka ready: ${list} (cluster ${cluster.clusterId}, controller ${controller})`);
      process.exit(0);
    } catch (err) {
      lastError = err;
    }
    if (Date.now() + RETRY_DELAY_MS > deadline) break;
    await sleep(RETRY_DELAY_MS);
  }

  if (pid !== undefined && !processAlive(pid)) {
    console.error(`kafka not ready: broker process ${pid} exited while waiting for ${list}`);
    process.exit(2);
  }
  console.error(
    `kafka not ready: ${list} did not answer describeCluster within ${timeoutMs} ms ` +
      `(${attempts} attempt${attempts === 1 ? '' : 's'}; last error: ${describeError(lastError)})`,
  );
  process.exit(1);
}

main().catch((err) => {
  console.error(`kafka not ready: unexpected error: ${describeError(err)}`);
  process.exit(1);
});
