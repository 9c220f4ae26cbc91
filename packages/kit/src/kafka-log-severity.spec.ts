import { logLevel } from 'kafkajs';
import { kafkaLogSeverity } from './transport';

/** kafkajs log lines routed into pino at their true severity (lines as kafkajs 2.2.4 writes them). */
describe('kafkajs log severity', () => {
  it('lines kafkajs retries itself during a broker pause are warnings, not errors', () => {
    // The producer's send timing out while the broker is paused, retried.
    expect(kafkaLogSeverity(logLevel.ERROR, 'Request Produce(key: 0, version: 7) timed out', { retryCount: 0, retryTime: 264 })).toBe('warn');
    expect(kafkaLogSeverity(logLevel.ERROR, 'Failed to send messages: Connection error: read ECONNRESET', { retryCount: 2, retryTime: 1100 })).toBe('warn');
    // The consumer's coordinator requests: a crash it restarts from, a member re-joining.
    expect(kafkaLogSeverity(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded: Request Heartbeat(key: 12, version: 3) timed out', { groupId: 'g' })).toBe('warn');
    expect(kafkaLogSeverity(logLevel.ERROR, 'Restarting the consumer in 300ms', { retryCount: 10, retryTime: 300, groupId: 'g' })).toBe('warn');
    expect(kafkaLogSeverity(logLevel.ERROR, 'The coordinator is not aware of this member, re-joining the group', { groupId: 'g' })).toBe('warn');
    // The broker's answer once it is back: the session expired while it was paused; the member re-joins.
    expect(kafkaLogSeverity(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)', { error: 'The coordinator is not aware of this member', correlationId: 48 })).toBe('warn');
    expect(kafkaLogSeverity(logLevel.ERROR, 'Failed to connect to broker, reconnecting', { retryCount: 1, retryTime: 400 })).toBe('warn');
  });

  it('states of a broker that is still starting are debug', () => {
    expect(kafkaLogSeverity(logLevel.ERROR, 'Response GroupCoordinator(key: 10, version: 2)', { error: 'The coordinator is not available' })).toBe('debug');
    expect(kafkaLogSeverity(logLevel.ERROR, 'Response Metadata(key: 3, version: 6)', { error: 'There is no leader for this topic-partition as we are in the middle of a leadership election', type: 'LEADER_NOT_AVAILABLE' })).toBe('debug');
  });

  it('what kafkajs gives up on, and a failing handler, stay errors; warnings stay warnings', () => {
    expect(kafkaLogSeverity(logLevel.ERROR, 'Error when calling eachMessage', { topic: 't', partition: 0, error: 'duplicate key' })).toBe('error');
    expect(kafkaLogSeverity(logLevel.ERROR, 'Caught error when disconnecting the consumer: The group is rebalancing', {})).toBe('error');
    expect(kafkaLogSeverity(logLevel.WARN, 'Response without match', {})).toBe('warn');
    expect(kafkaLogSeverity(logLevel.INFO, 'Consumer has joined the group', {})).toBe('debug');
  });
});
