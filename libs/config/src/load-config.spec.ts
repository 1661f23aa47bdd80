import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { loadConfig, ConfigError } from './load-config.js';
import { commonEnvSchema, env } from './env.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig(commonEnvSchema, {});
    assert.deepEqual(config.KAFKA_BROKERS, ['127.0.0.1:9092']);
    assert.equal(config.SCHEMA_REGISTRY_URL, 'http://127.0.0.1:8081/apis/ccompat/v7');
    assert.equal(config.OPS_PORT, 9464);
  });

  it('parses lists and numbers from strings', () => {
    const config = loadConfig(commonEnvSchema, { KAFKA_BROKERS: 'a:1, b:2', OPS_PORT: '9000' });
    assert.deepEqual(config.KAFKA_BROKERS, ['a:1', 'b:2']);
    assert.equal(config.OPS_PORT, 9000);
  });

  it('names every bad variable and what was expected', () => {
    const schema = commonEnvSchema.extend({ WEBHOOK_SECRETS: env.list('expected a comma-separated list of secrets') });
    assert.throws(
      () => loadConfig(schema, { KAFKA_BROKERS: 'not a broker', OPS_PORT: 'eighty' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const variables = error.problems.map((p) => p.variable).sort();
        assert.deepEqual(variables, ['KAFKA_BROKERS', 'OPS_PORT', 'WEBHOOK_SECRETS']);
        assert.match(error.message, /KAFKA_BROKERS: expected a comma-separated list of host:port \(got "not a broker"\)/);
        assert.match(error.message, /OPS_PORT: expected a TCP port number \(got "eighty"\)/);
        assert.match(error.message, /WEBHOOK_SECRETS: expected a comma-separated list of secrets \(got nothing\)/);
        return true;
      },
    );
  });

  it('rejects a port out of range', () => {
    assert.throws(() => loadConfig(z.object({ PORT: env.port(1) }), { PORT: '70000' }), /PORT: expected a TCP port number \(0-65535\)/);
  });
});
