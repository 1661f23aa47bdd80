import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { IntegrationError, withTimeout } from '@tributary/core';
import { retryWhile } from '../retry/retry-while.js';

/**
 * The Confluent-compatible registry (Apicurio's `/apis/ccompat/v7` here). Registration goes through
 * `@kafkajs/confluent-schema-registry` unmodified (it sets BACKWARD compatibility on first
 * registration); writer schemas are fetched once per id and cached.
 */
export class SchemaRegistryClient {
  private readonly client: SchemaRegistry;
  private readonly writerSchemas = new Map<number, Promise<string>>();

  constructor(readonly url: string) {
    this.client = new SchemaRegistry({ host: url });
  }

  /** Registers (or finds) `schema` under `subject`; a change the subject's compatibility forbids is refused. */
  async register(subject: string, schema: object): Promise<number> {
    try {
      // Two processes registering a new subject at once race on its compatibility rule: the library
      // registers, then sets the rule. The second to set it gets 409 "already exists" from Apicurio,
      // and one that reads the rule in between sees the default (NONE). Either way the rule is (about
      // to be) in place: registering again finds it and returns the id. A registration that never
      // answers (the library's HTTP calls have no time limit) is tried again too.
      return await retryWhile(() => this.registerOnce(subject, schema), {
        retriable: (error) => isRuleRace(error) || error instanceof RegistrationTimeout,
        maxAttempts: 5,
        delayMs: (attempt) => 50 * attempt,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const incompatible = /incompatib|409/i.test(message);
      throw new IntegrationError(incompatible ? 'SCHEMA.INCOMPATIBLE' : 'SCHEMA.REGISTRY_UNAVAILABLE', `registering ${subject}: ${message}`, !incompatible, { subject }, { cause: error });
    }
  }

  private async registerOnce(subject: string, schema: object): Promise<number> {
    const registering = this.client.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
    const { id } = await withTimeout(registering, REGISTER_TIMEOUT_MS, () => new RegistrationTimeout(`no answer from the schema registry within ${REGISTER_TIMEOUT_MS} ms`));
    return id;
  }

  /** The schema a message was written with. Unknown ids are permanent: no retry will make them appear. */
  writerSchema(schemaId: number): Promise<string> {
    let schema = this.writerSchemas.get(schemaId);
    if (!schema) {
      schema = this.fetchWriterSchema(schemaId);
      this.writerSchemas.set(schemaId, schema);
      schema.catch(() => this.writerSchemas.delete(schemaId));
    }
    return schema;
  }

  async ping(): Promise<void> {
    const response = await fetch(`${this.url}/subjects`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) throw new Error(`schema registry answered ${response.status}`);
  }

  private async fetchWriterSchema(schemaId: number): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/schemas/ids/${schemaId}`, { signal: AbortSignal.timeout(10_000) });
    } catch (error) {
      throw IntegrationError.transient('SCHEMA.REGISTRY_UNAVAILABLE', `fetching schema ${schemaId}: ${String(error)}`, { schemaId }, error);
    }
    if (response.status === 404) throw IntegrationError.permanent('DECODE.UNKNOWN_SCHEMA', `schema id ${schemaId} is not in the registry`, { schemaId });
    if (!response.ok) throw IntegrationError.transient('SCHEMA.REGISTRY_UNAVAILABLE', `fetching schema ${schemaId}: HTTP ${response.status}`, { schemaId });
    const body = (await response.json()) as { schema?: unknown };
    if (typeof body.schema !== 'string') throw IntegrationError.transient('SCHEMA.REGISTRY_UNAVAILABLE', `schema ${schemaId}: reply without a schema`, { schemaId });
    return body.schema;
  }
}

const REGISTER_TIMEOUT_MS = 10_000;
class RegistrationTimeout extends Error {}

const isRuleRace = (error: unknown): boolean =>
  error instanceof Error &&
  (((error as { status?: number }).status === 409 && /rule named .* already exists/i.test(error.message)) ||
    (error.name === 'ConfluentSchemaRegistryCompatibilityError' && /\(BACKWARD != NONE\)/.test(error.message)));
