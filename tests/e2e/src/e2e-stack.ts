import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClarityIngress } from '@tributary/clarity-ingress';
import { createIntacctSink } from '@tributary/intacct-sink';
import { createKafkaClient, retryKafka } from '@tributary/kafka-runtime';
import { createLogger } from '@tributary/observability';
import { ClarityWebhookSender } from '@tributary/simulator-clarity';
import { loadMappingConfig } from '@tributary/mapping-core';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startIntacctSimulator, type IntacctSimulator, type IntacctSimulatorOptions } from '@tributary/simulator-intacct';
import { stackEnv } from '@tributary/testing';
import type { Kafka } from 'kafkajs';

export const WEBHOOK_SECRET = 'whsec_e2e_current';
export const MAPPING_FILE = join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml');
/** The company's SKU → ITEMID table, as the mapping file ships it. */
export const itemIds = loadMappingConfig(MAPPING_FILE).items.items;
/** Retired in Intacct: in the mapping table, unknown to the Intacct simulator. */
export const RETIRED_ITEM = 'LEGACY-BUNDLE';
const intacctCredentials = { senderId: 'tributary-e2e', senderPassword: 'sender-secret', companyId: 'TRIBUTARY-E2E', userId: 'ws_user', password: 'user-secret' };

/**
 * One isolated pipeline per test file: its own topic prefix on the shared broker, an Intacct
 * simulator on a free port, the ingress and the sink in this process, exactly as `main.ts` runs them.
 */
export class E2eStack {
  readonly env: Record<string, string>;
  ingress: NestFastifyApplication | undefined;
  sink: INestApplicationContext | undefined;
  readonly kafka: Kafka;

  private constructor(readonly intacct: IntacctSimulator, readonly webhookUrl: string, env: Record<string, string>) {
    this.env = env;
    this.kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-observer', logger: createLogger('e2e', 'silent') });
  }

  static async start(options: { simulator?: Partial<IntacctSimulatorOptions>; sinkEnv?: Record<string, string>; withSink?: boolean } = {}): Promise<E2eStack> {
    const intacct = await startIntacctSimulator({
      port: 0,
      senderId: intacctCredentials.senderId,
      senderPassword: intacctCredentials.senderPassword,
      users: [{ companyId: intacctCredentials.companyId, userId: intacctCredentials.userId, password: intacctCredentials.password }],
      items: Object.values(itemIds).filter((id) => id !== RETIRED_ITEM),
      ...options.simulator,
    });
    const env = stackEnv({
      CLARITY_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      MAPPING_FILE,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      INTACCT_ENDPOINT_URL: intacct.url,
      INTACCT_SENDER_ID: intacctCredentials.senderId,
      INTACCT_SENDER_PASSWORD: intacctCredentials.senderPassword,
      INTACCT_COMPANY_ID: intacctCredentials.companyId,
      INTACCT_USER_ID: intacctCredentials.userId,
      INTACCT_USER_PASSWORD: intacctCredentials.password,
      INTACCT_TIMEOUT_MS: '2000',
      RETRY_INITIAL_DELAY_MS: '50',
      RETRY_MAX_DELAY_MS: '400',
      CIRCUIT_PROBE_INTERVAL_MS: '300',
      ...options.sinkEnv,
    });
    const ingress = await createClarityIngress(env);
    const stack = new E2eStack(intacct, `${await ingress.getUrl()}/webhooks/clarity`, env);
    stack.ingress = ingress;
    if (options.withSink !== false) stack.sink = await createIntacctSink(env);
    return stack;
  }

  topic(name: string): string {
    return `${this.env['TOPIC_PREFIX']}${name}`;
  }

  sender(options: { maxAttempts?: number } = {}): ClarityWebhookSender {
    return new ClarityWebhookSender({ url: this.webhookUrl, secrets: [WEBHOOK_SECRET], maxAttempts: options.maxAttempts ?? 5, backoffMs: 50 });
  }

  async restartSink(): Promise<void> {
    await this.sink?.close();
    this.sink = await createIntacctSink(this.env);
  }

  /** Sum of the end offsets of a topic: how many messages it holds. */
  async messageCount(topic: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await retryKafka(() => admin.fetchTopicOffsets(this.topic(topic)));
      return offsets.reduce((sum, o) => sum + Number(o.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    await this.sink?.close();
    await this.ingress?.close();
    await this.intacct.close();
  }
}
