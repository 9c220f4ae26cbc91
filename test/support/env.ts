/** Where the test suite finds its real infrastructure. */
export const TEST_MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const kafkaBrokers = (): string[] => {
  const brokers = process.env.TEST_KAFKA_BROKERS;
  if (!brokers) throw new Error('TEST_KAFKA_BROKERS is not set: the global setup should have started Kafka');
  return brokers.split(',').map((b) => b.trim());
};
