import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaTransport, createLogger } from '@advisor/kit';
import { memberAccessChanged } from '@advisor/schema';
import { RevocationList } from '../src/revocations';
import { readGatewayEnv } from '../src/env';
import { kafkaBrokers } from '../../test/support/env';

/** Each gateway replica keeps one consumer group across its restarts, and still reads every revocation. */
describe('gateway revocation list on Kafka', () => {
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const logger = createLogger({ name: 'revocations-test', level: 'silent' });

  it('GATEWAY_REPLICA_ID names the group (default: the host name)', () => {
    const base = {
      AUTH_VERIFY_KEY: 'pem',
      FIRMS_GATEWAY_SECRET: 'x'.repeat(24),
      CLIENTS_GATEWAY_SECRET: 'x'.repeat(24),
      INVITATIONS_GATEWAY_SECRET: 'x'.repeat(24),
      PAYROLL_SYNC_GATEWAY_SECRET: 'x'.repeat(24),
      KAFKA_BROKERS: '127.0.0.1:19092',
    };
    expect(readGatewayEnv({ ...base, GATEWAY_REPLICA_ID: 'gateway-7f9c-2' }).replicaId).toBe('gateway-7f9c-2');
    expect(readGatewayEnv(base).replicaId).toBeUndefined();
    expect(() => readGatewayEnv({ ...base, GATEWAY_REPLICA_ID: 'not a name' })).toThrow(/GATEWAY_REPLICA_ID/);
    expect(RevocationList.groupId('pod-1')).toBe('gateway-pod-1');
  });

  it('a restarted replica still knows the sessions that ended before it started (it reads from the start), and a stopped one leaves no consumer group behind', async () => {
    const transport = new KafkaTransport({ clientId: 'revocations-test', brokers: kafkaBrokers(), namespace, maxWaitTimeInMs: 100, logger });
    const admin = new Kafka({ clientId: 'revocations-test-admin', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await transport.ensureTopics([memberAccessChanged.topic]);
      const sessionId = randomUUID();
      const memberId = randomUUID();
      const payload = { memberId, firmId: randomUUID(), reason: 'LOGGED_OUT' as const, sessionId, changedAt: new Date().toISOString() };
      const envelope = { eventId: randomUUID(), name: memberAccessChanged.name, version: 1, occurredAt: payload.changedAt, producer: 'firms', payload };
      await transport.publish([{ topic: memberAccessChanged.topic, key: memberId, value: JSON.stringify(envelope) }]);

      for (let start = 1; start <= 2; start++) {
        const list = new RevocationList(logger);
        await list.start(transport, 'replica-a');
        const deadline = Date.now() + 20_000;
        while (list.check(memberId, sessionId, Date.now()) === 'valid' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        expect(list.check(memberId, sessionId, Date.now())).toBe('session-ended');
        await list.stop();
      }
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(namespace));
      // The group commits no offsets: its gateway deletes it on stop, so rollouts leave nothing behind.
      expect(groups).toEqual([]);
      await admin.deleteGroups(groups).catch(() => undefined);
    } finally {
      await admin.disconnect();
      await transport.close();
    }
  });
});
