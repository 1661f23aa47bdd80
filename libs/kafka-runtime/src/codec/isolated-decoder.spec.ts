import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileAvroType } from './avro-type.js';
import { IsolatedDecoder } from './isolated-decoder.js';

const schema = JSON.stringify({
  type: 'record', name: 'Basket', fields: [
    { name: 'id', type: 'string' },
    { name: 'flags', type: { type: 'array', items: 'null' } },
  ],
});
const type = compileAvroType(schema);

/** A record whose array claims 2^31−1 zero-byte items: avsc would allocate until the heap dies. */
const hostileBody = () => Buffer.concat([type.toBuffer({ id: 'x', flags: [] }).subarray(0, 2), Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f])]);

describe('IsolatedDecoder', () => {
  it('decodes good messages and reports the hostile one without crashing the process', async () => {
    const decoder = new IsolatedDecoder({ maxHeapMb: 64, timeoutMs: 10_000 });
    decoder.addSchema('basket#1', schema, schema);
    try {
      const good = type.toBuffer({ id: 'order-1', flags: [null, null] });
      const results = await decoder.decodeMany([
        { key: 'basket#1', body: good },
        { key: 'basket#1', body: hostileBody() },
        { key: 'basket#1', body: type.toBuffer({ id: 'order-2', flags: [] }) },
      ]);
      assert.deepEqual(results[0], { ok: true, value: { id: 'order-1', flags: [null, null] } });
      assert.equal(results[1]?.ok, false);
      assert.match(results[1]?.ok === false ? results[1].code : '', /^DECODE\.(RESOURCE_LIMIT|INVALID_AVRO)$/);
      assert.deepEqual(results[2], { ok: true, value: { id: 'order-2', flags: [] } });
      // the decoder keeps working after its worker died
      const again = await decoder.decodeMany([{ key: 'basket#1', body: good }]);
      assert.equal(again[0]?.ok, true);
    } finally {
      await decoder.close();
    }
  });

  it('rejects truncated bytes and unknown schemas as values, not exceptions', async () => {
    const decoder = new IsolatedDecoder();
    decoder.addSchema('basket#1', schema, schema);
    try {
      const [truncated, unknown] = await decoder.decodeMany([
        { key: 'basket#1', body: Buffer.from([0x10, 0x61]) },
        { key: 'basket#9', body: Buffer.from([0]) },
      ]);
      assert.equal(truncated?.ok === false && truncated.code, 'DECODE.INVALID_AVRO');
      assert.equal(unknown?.ok === false && unknown.code, 'DECODE.UNKNOWN_SCHEMA');
    } finally {
      await decoder.close();
    }
  });
});

describe('IsolatedDecoder with a writer schema that cannot be resolved', () => {
  it('reports those messages as incompatible and keeps decoding the rest', async () => {
    const decoder = new IsolatedDecoder();
    const unrelated = JSON.stringify({ type: 'record', name: 'Unrelated', fields: [{ name: 'x', type: 'int' }] });
    decoder.addSchema('basket#1', schema, schema);
    decoder.addSchema('basket#7', unrelated, schema);
    try {
      const results = await decoder.decodeMany([
        { key: 'basket#7', body: Buffer.from([2]) },
        { key: 'basket#1', body: type.toBuffer({ id: 'order-3', flags: [] }) },
      ]);
      assert.equal(results[0]?.ok === false && results[0].code, 'DECODE.INCOMPATIBLE_SCHEMA');
      assert.deepEqual(results[1], { ok: true, value: { id: 'order-3', flags: [] } });
    } finally {
      await decoder.close();
    }
  });
});
