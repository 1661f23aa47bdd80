import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationError } from '@tributary/core';
import { kafkaSecurity } from './kafka-client.js';

describe('kafkaSecurity', () => {
  it('is plaintext by default, TLS with the flag, TLS with a CA file', () => {
    assert.deepEqual(kafkaSecurity({ KAFKA_SSL: false }), {});
    assert.deepEqual(kafkaSecurity({ KAFKA_SSL: true }), { ssl: true });
    const ca = join(mkdtempSync(join(tmpdir(), 'ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    assert.deepEqual(kafkaSecurity({ KAFKA_SSL: false, KAFKA_SSL_CA_FILE: ca }), { ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] } });
  });

  it('passes SCRAM credentials and refuses a mechanism without them or an unreadable CA, as configuration errors', () => {
    assert.deepEqual(kafkaSecurity({ KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'tributary', KAFKA_SASL_PASSWORD: 'pw' }), { ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'tributary', password: 'pw' } });
    assert.throws(() => kafkaSecurity({ KAFKA_SSL: true, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' }), (e: unknown) => e instanceof IntegrationError && e.code === 'CONFIG.KAFKA_SASL' && !e.message.includes('pw'));
    assert.throws(() => kafkaSecurity({ KAFKA_SSL: true, KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' }), (e: unknown) => e instanceof IntegrationError && e.code === 'CONFIG.KAFKA_SSL_CA_FILE');
  });
});
