import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ArgumentsHost } from '@nestjs/common';
import { RefusalFilter } from './refusal.filter.js';

/** A Fastify reply that records what the filter sends. */
const host = () => {
  const sent: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} };
  const reply = {
    sent: false,
    code(status: number) { sent.status = status; return reply; },
    header(name: string, value: string) { sent.headers[name] = value; return reply; },
    send(body: string) { sent.body = body; return reply; },
  };
  return { sent, host: { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost };
};

describe('RefusalFilter', () => {
  it('answers what Fastify refused (rate and body limits) as JSON { error, message }', () => {
    for (const [statusCode, error] of [[429, 'rate_limited'], [413, 'payload_too_large']] as const) {
      const { sent, host: h } = host();
      new RefusalFilter().catch(Object.assign(new Error('too much'), { statusCode }), h);
      assert.equal(sent.status, statusCode);
      assert.equal(sent.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(sent.body!), { error, message: 'too much' });
    }
  });

  it('never shows the cause of a 5xx', () => {
    const { sent, host: h } = host();
    new RefusalFilter().catch(new Error('ECONNREFUSED 10.0.0.7:9092 password=hunter2'), h);
    assert.equal(sent.status, 500);
    assert.doesNotMatch(sent.body!, /hunter2|ECONNREFUSED/);
    assert.equal(JSON.parse(sent.body!).error, 'internal_error');
  });
});
