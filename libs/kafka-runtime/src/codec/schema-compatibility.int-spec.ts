import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { IntegrationError } from '@tributary/core';
import { stackEnv, uniquePrefix } from '@tributary/testing';
import { AvroEventCodec } from './event-codec.js';
import { IsolatedDecoder } from './isolated-decoder.js';
import { SchemaRegistryClient } from './schema-registry.js';

const root = join(fileURLToPath(import.meta.url), '../../../../..');
const orderSchema = JSON.parse(readFileSync(join(root, 'schemas/commerce/order.v1.avsc'), 'utf8')) as { fields: Array<Record<string, unknown>> };
const registryUrl = stackEnv()['SCHEMA_REGISTRY_URL']!;

describe('commerce.order.v1 in the schema registry (BACKWARD compatibility)', () => {
  it('registers a compatible change (a new optional field) and refuses an incompatible one (a new required field)', async () => {
    const registry = new SchemaRegistryClient(registryUrl);
    const subject = `${uniquePrefix()}commerce.order.v1-value`;
    const v1 = await registry.register(subject, orderSchema);

    const compatible = { ...orderSchema, fields: [...orderSchema.fields, { name: 'salesChannelNote', type: ['null', 'string'], default: null }] };
    const v2 = await registry.register(subject, compatible);
    assert.notEqual(v2, v1);

    const incompatible = { ...orderSchema, fields: [...orderSchema.fields, { name: 'warehouseCode', type: 'string' }] };
    await assert.rejects(registry.register(subject, incompatible), (error: unknown) => {
      assert.ok(error instanceof IntegrationError);
      assert.equal(error.code, 'SCHEMA.INCOMPATIBLE');
      assert.equal(error.transient, false);
      return true;
    });

    const config = await (await fetch(`${registryUrl}/config/${encodeURIComponent(subject)}`)).json() as { compatibilityLevel?: string };
    assert.equal(config.compatibilityLevel, 'BACKWARD');
  });

  it('registers a new subject from several processes at once: all get the same id, the rule is set once (no 409 "rule already exists")', async () => {
    for (let round = 0; round < 5; round++) {
      const subject = `${uniquePrefix()}race.v1-value`;
      // Separate clients, as separate services are: nothing cached between them.
      const ids = await Promise.all(Array.from({ length: 6 }, () => new SchemaRegistryClient(registryUrl).register(subject, orderSchema)));
      assert.equal(new Set(ids).size, 1, `one id for ${subject}: ${ids.join(', ')}`);
      const config = await (await fetch(`${registryUrl}/config/${encodeURIComponent(subject)}`)).json() as { compatibilityLevel?: string };
      assert.equal(config.compatibilityLevel, 'BACKWARD');
    }
  });

  it('decodes what @kafkajs/confluent-schema-registry encodes (Confluent wire format), money exact', async () => {
    const subject = `${uniquePrefix()}money-value`;
    const schema = { type: 'record', name: 'Payment', namespace: 'test', fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'long' }] };
    const decoder = new IsolatedDecoder();
    try {
      const codec = await AvroEventCodec.create<{ id: string; amount: number }>({ registry: new SchemaRegistryClient(registryUrl), decoder, subject, schema });
      const theirs = new SchemaRegistry({ host: registryUrl });
      const { id } = await theirs.register({ type: SchemaType.AVRO, schema: JSON.stringify(schema) }, { subject });
      assert.equal(id, codec.schemaId);
      const encodedByThem = await theirs.encode(id, { id: 'pay-1', amount: 1999 });
      assert.deepEqual(await codec.decode(encodedByThem), { ok: true, value: { id: 'pay-1', amount: 1999 }, schemaId: id });
      assert.deepEqual({ ...(await theirs.decode(codec.encode({ id: "pay-2", amount: 5 }))) }, { id: "pay-2", amount: 5 });
    } finally {
      await decoder.close();
    }
  });
});
