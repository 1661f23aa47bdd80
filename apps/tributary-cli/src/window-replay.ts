import type { CommonEnv } from '@tributary/config';
import { OperatorHeader, readTopicRange } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { cliKafka, connectedProducer, headerText, progressBar, recordAudit } from './operator.js';

/** Where a window replay copied a message from: `<topic>/<partition>/<offset>`. */
export const REPLAYED_FROM_HEADER = 'x-tributary-replayed-from';

export interface WindowReplayOptions {
  readonly topic: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly key?: string | undefined;
  readonly group: string;
  readonly dryRun: boolean;
  readonly quiet?: boolean;
}

export interface WindowReplayReport {
  readonly topic: string;
  readonly group: string;
  readonly from: string;
  readonly to: string;
  readonly read: number;
  readonly replayed: number;
  readonly keys: number;
  readonly dryRun: boolean;
  readonly auditTopic?: string;
}

/**
 * Re-publishes the messages a topic received between two times (broker timestamps), optionally
 * only one key's, to the same topic with their key, value and headers, plus
 * `x-tributary-replay-for: <group>`: the PipelineRunner of every other consumer group commits past
 * them untouched, so only that group re-processes the window. Its sinks' ledgers (and the ERP
 * controlids) make each effect happen once, so a replay of what was already done changes nothing.
 * Messages that were themselves replays for another group are skipped.
 */
export const replayWindow = async (config: CommonEnv, log: Logger, options: WindowReplayOptions): Promise<WindowReplayReport> => {
  const kafka = cliKafka(config, log);
  const topic = options.topic.startsWith(config.TOPIC_PREFIX) ? options.topic : `${config.TOPIC_PREFIX}${options.topic}`;
  const found: Array<{ message: KafkaMessage; partition: number }> = [];
  let read = 0;
  await readTopicRange(kafka, topic, { fromMs: options.fromMs, toMs: options.toMs }, (message, partition) => {
    read++;
    const at = Number(message.timestamp);
    if (at < options.fromMs || at > options.toMs) return;
    if (options.key !== undefined && message.key?.toString() !== options.key) return;
    const replayFor = headerText(message, OperatorHeader.replayFor);
    if (replayFor !== '' && replayFor !== options.group) return;
    found.push({ message, partition });
  });
  found.sort((a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)));
  const report: WindowReplayReport = {
    topic, group: options.group, from: new Date(options.fromMs).toISOString(), to: new Date(options.toMs).toISOString(),
    read, replayed: found.length, keys: new Set(found.map((f) => f.message.key?.toString() ?? '')).size, dryRun: options.dryRun,
  };
  if (options.dryRun || found.length === 0) return report;

  const producer = await connectedProducer(kafka);
  const bar = progressBar(found.length, `replaying ${topic} for ${options.group}`, options.quiet);
  try {
    for (let i = 0; i < found.length; i += 200) {
      const chunk = found.slice(i, i + 200);
      await producer.sendAll(chunk.map(({ message, partition }) => {
        const headers: IHeaders = { ...message.headers, [OperatorHeader.replayFor]: options.group, [REPLAYED_FROM_HEADER]: `${topic}/${partition}/${message.offset}` };
        return { topic, key: message.key, value: message.value, headers };
      }));
      bar.tick(chunk.length);
    }
    bar.stop();
    const auditTopic = await recordAudit(kafka, producer, config, {
      action: 'replay.window', group: options.group, keys: options.key ? [options.key] : [], offsets: [], count: found.length,
      details: { topic, from: report.from, to: report.to },
    });
    return { ...report, auditTopic };
  } finally {
    bar.stop();
    await producer.disconnect();
  }
};
