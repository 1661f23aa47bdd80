import { readFile } from 'node:fs/promises';
import { topics, type SettlementEvent } from '@tributary/canonical-model';
import { AvroEventCodec, createKafkaClient, kafkaSecurity, EventProducer, IsolatedDecoder, SchemaRegistryClient } from '@tributary/kafka-runtime';
import type { CommonEnv } from '@tributary/config';
import type { Logger } from '@tributary/observability';
import { readSettlementReport, type SettlementReportProblem } from './settlement-report.js';

export type SettlementImport =
  | { ok: true; topic: string; settlements: Array<{ settlementId: string; gateway: string; currency: string; payments: number; gross: string; refunds: string; fees: string; net: string }> }
  | { ok: false; problems: SettlementReportProblem[] };

/**
 * `tributary settlement import`: a gateway payout report → commerce.settlement.v1, one event per
 * settlement, all or nothing (a file with any problem publishes nothing). The Intacct sink books
 * each as one GLBATCH, once, however often the file is imported.
 */
export const importSettlements = async (config: CommonEnv, log: Logger, file: string, options: { dryRun: boolean }): Promise<SettlementImport> => {
  const report = readSettlementReport(await readFile(file, 'utf8'));
  if (!report.ok) return report;
  const topic = `${config.TOPIC_PREFIX}${topics.settlement.name}`;
  const settlements = report.events.map(({ settlement: s }) => ({ settlementId: s.settlementId, gateway: s.gateway, currency: s.currency, payments: s.payments.length, gross: s.gross, refunds: s.refunds, fees: s.fees, net: s.net }));
  if (options.dryRun) return { ok: true, topic, settlements };

  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const decoder = new IsolatedDecoder();
  const producer = new EventProducer(kafka);
  try {
    const codec = await AvroEventCodec.create<SettlementEvent>({ registry: new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL), decoder, subject: `${topic}-value`, schema: topics.settlement.valueSchema });
    await producer.connect();
    await producer.sendAll(report.events.map((event) => ({
      topic, key: event.settlement.settlementId, value: codec.encode(event),
      headers: { 'correlation-id': event.correlationId, 'event-type': event.eventType },
    })));
    return { ok: true, topic, settlements };
  } finally {
    await producer.disconnect();
    await decoder.close();
  }
};
