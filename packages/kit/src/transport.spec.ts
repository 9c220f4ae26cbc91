import { InProcessTransport, type IncomingMessage } from './transport';
import { createLogger } from './logger';

describe('in-process transport (embedded mode)', () => {
  const logger = createLogger({ name: 'test', level: 'silent' });

  it('delivers in order per consumer group and redelivers until the handler succeeds', async () => {
    const transport = new InProcessTransport(logger);
    await transport.ensureTopics(['t']);
    const seen: string[] = [];
    let failures = 1;
    const done = new Promise<void>((resolve) => {
      void transport.subscribe({
        groupId: 'g',
        topics: ['t'],
        onMessage: async (m: IncomingMessage) => {
          if (m.value === 'b' && failures-- > 0) throw new Error('transient');
          seen.push(m.value);
          if (seen.length === 3) resolve();
        },
      });
    });
    await transport.publish(['a', 'b', 'c'].map((value) => ({ topic: 't', key: 'k', value })));
    await done;
    expect(seen).toEqual(['a', 'b', 'c']);
    await transport.close();
  });

  it('refuses to publish to a topic that was never created', async () => {
    const transport = new InProcessTransport(logger);
    await expect(transport.publish([{ topic: 'missing', key: 'k', value: 'v' }])).rejects.toThrow('Unknown topic');
  });
});
