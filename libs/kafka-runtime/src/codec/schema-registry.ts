import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { IntegrationError } from '@tributary/core';

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
      return await this.registerOnce(subject, schema).catch((error: unknown) => {
        // Two processes registering a new subject at once: both find no compatibility rule, both
        // register (idempotent), and the second to set the rule gets 409 "already exists" from
        // Apicurio. The rule is in place then; registering again finds it and returns the id.
        if (!isRuleAlreadyExists(error)) throw error;
        return this.registerOnce(subject, schema);
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const incompatible = /incompatib|409/i.test(message);
      throw new IntegrationError(incompatible ? 'SCHEMA.INCOMPATIBLE' : 'SCHEMA.REGISTRY_UNAVAILABLE', `registering ${subject}: ${message}`, !incompatible, { subject }, { cause: error });
    }
  }

  private async registerOnce(subject: string, schema: object): Promise<number> {
    const { id } = await this.client.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
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

const isRuleAlreadyExists = (error: unknown): boolean =>
  error instanceof Error && (error as { status?: number }).status === 409 && /rule named .* already exists/i.test(error.message);
