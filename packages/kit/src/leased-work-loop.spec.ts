import { LeasedWorkLoop } from './leased-work-loop';

describe('LeasedWorkLoop', () => {
  it('drains what is due a batch at a time, and runs one sweep at a time per replica', async () => {
    let due = 5;
    let calls = 0;
    const loop = new LeasedWorkLoop({
      name: 'test',
      intervalMs: 60_000,
      runBatch: async () => {
        calls += 1;
        const batch = Math.min(2, due);
        due -= batch;
        return batch;
      },
    });
    const [a, b] = await Promise.all([loop.sweep(), loop.sweep()]);
    expect(a).toBe(5);
    expect(b).toBe(5); // the second call joined the first
    expect(calls).toBe(4); // 2 + 2 + 1, then an empty batch
  });

  it('a failing batch ends the sweep without throwing; the next sweep retries', async () => {
    let fail = true;
    const loop = new LeasedWorkLoop({
      name: 'test',
      intervalMs: 60_000,
      runBatch: async () => {
        if (fail) throw new Error('database gone');
        return 0;
      },
    });
    await expect(loop.sweep()).resolves.toBe(0);
    fail = false;
    await expect(loop.sweep()).resolves.toBe(0);
  });

  it('stop waits for the sweep in flight', async () => {
    let release!: () => void;
    let finished = false;
    const loop = new LeasedWorkLoop({
      name: 'test',
      intervalMs: 60_000,
      runBatch: async () => {
        if (finished) return 0;
        await new Promise<void>((r) => (release = r));
        finished = true;
        return 1;
      },
    });
    loop.start();
    const sweeping = loop.sweep();
    await new Promise((r) => setImmediate(r));
    const stopping = loop.stop().then(() => finished);
    release();
    await expect(stopping).resolves.toBe(true);
    await expect(sweeping).resolves.toBe(1);
  });
});
