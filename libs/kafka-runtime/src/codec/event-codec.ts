import type avro from 'avsc';
import { IntegrationError } from '@tributary/core';
import { compileAvroType, invalidPaths } from './avro-type.js';
import { readSchemaHeader, withSchemaHeader } from './confluent-wire-format.js';
import type { IsolatedDecoder } from './isolated-decoder.js';
import type { SchemaRegistryClient } from './schema-registry.js';

export type Decoded<T> = { ok: true; value: T; schemaId: number } | { ok: false; error: IntegrationError };

/**
 * Encodes values of one topic with its registered schema, and decodes any registered writer
 * schema into our reader schema. Decoding happens in the isolated decoder, never in-process.
 */
export class AvroEventCodec<T> {
  private readonly type: avro.Type;
  private readonly readerSchema: string;

  private constructor(
    readonly subject: string,
    readonly schemaId: number,
    schema: object,
    private readonly registry: SchemaRegistryClient,
    private readonly decoder: IsolatedDecoder,
    private readonly maxMessageBytes: number,
  ) {
    this.type = compileAvroType(schema);
    this.readerSchema = JSON.stringify(schema);
    decoder.addSchema(this.decoderKey(schemaId), this.readerSchema, this.readerSchema);
  }

  /** Registers the schema once at start; the id is never looked up per message. */
  static async create<T>(options: { registry: SchemaRegistryClient; decoder: IsolatedDecoder; subject: string; schema: object; maxMessageBytes?: number }): Promise<AvroEventCodec<T>> {
    const schemaId = await options.registry.register(options.subject, options.schema);
    return new AvroEventCodec<T>(options.subject, schemaId, options.schema, options.registry, options.decoder, options.maxMessageBytes ?? 1024 * 1024);
  }

  encode(value: T): Buffer {
    const paths = invalidPaths(this.type, value);
    if (paths.length > 0) throw IntegrationError.permanent('ENCODE.INVALID', `value does not match ${this.subject}: ${paths.join(', ')}`, { paths });
    return withSchemaHeader(this.schemaId, this.type.toBuffer(value));
  }

  async decode(message: Buffer | null): Promise<Decoded<T>> {
    const [result] = await this.decodeMany([message]);
    return result as Decoded<T>;
  }

  async decodeMany(messages: ReadonlyArray<Buffer | null>): Promise<Array<Decoded<T>>> {
    const results: Array<Decoded<T> | undefined> = new Array(messages.length);
    const toDecode: Array<{ index: number; schemaId: number; key: string; body: Buffer }> = [];
    for (const [index, message] of messages.entries()) {
      try {
        if (message && message.length > this.maxMessageBytes) {
          throw IntegrationError.permanent('DECODE.TOO_LARGE', `message of ${message.length} bytes exceeds ${this.maxMessageBytes}`);
        }
        const { schemaId, body } = readSchemaHeader(message);
        await this.learnWriterSchema(schemaId);
        toDecode.push({ index, schemaId, key: this.decoderKey(schemaId), body });
      } catch (error) {
        if (error instanceof IntegrationError && !error.transient) results[index] = { ok: false, error };
        else throw error;
      }
    }
    const decoded = await this.decoder.decodeMany(toDecode);
    decoded.forEach((result, i) => {
      const { index, schemaId } = toDecode[i]!;
      results[index] = result.ok
        ? { ok: true, value: result.value as T, schemaId }
        : { ok: false, error: IntegrationError.permanent(result.code, result.message, { schemaId }) };
    });
    return results as Array<Decoded<T>>;
  }

  private async learnWriterSchema(schemaId: number): Promise<void> {
    if (this.decoder.hasSchema(this.decoderKey(schemaId))) return;
    const writer = await this.registry.writerSchema(schemaId);
    this.decoder.addSchema(this.decoderKey(schemaId), writer, this.readerSchema);
  }

  /** One decoder may serve several topics: a writer schema is resolved per reader. */
  private decoderKey(writerSchemaId: number): string {
    return `${this.subject}#${writerSchemaId}`;
  }
}
