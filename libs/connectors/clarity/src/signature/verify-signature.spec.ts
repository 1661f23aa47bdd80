import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { verifyClaritySignature } from './verify-signature.js';
import { signClarityPayload } from './sign-payload.js';

const body = Buffer.from('{"id":"evt_1","type":"order.created","data":{"totalAmount":70.92}}');
const now = 1_795_600_000;

/** Written out independently of the code under test, so a shared mistake cannot pass. */
const hmacHex = (secret: string, t: number, raw: Buffer) =>
  createHmac('sha256', secret).update(`${t}.${raw.toString('utf8')}`).digest('hex');

const verify = (header: string | undefined, overrides: { secrets?: string[]; rawBody?: Buffer; nowSeconds?: number } = {}) =>
  verifyClaritySignature({ rawBody: overrides.rawBody ?? body, header, secrets: overrides.secrets ?? ['whsec_current'], nowSeconds: overrides.nowSeconds ?? now });

const reasonOf = (result: ReturnType<typeof verify>) => (result.ok ? 'ok' : result.error.reason);

describe('verifyClaritySignature', () => {
  it('accepts a valid signature and returns its timestamp', () => {
    const result = verify(`t=${now},v1=${hmacHex('whsec_current', now, body)}`);
    assert.deepEqual(result, { ok: true, value: { timestamp: now } });
  });

  it('accepts a signature made with either of two active secrets', () => {
    const secrets = ['whsec_new', 'whsec_old'];
    assert.equal(reasonOf(verify(`t=${now},v1=${hmacHex('whsec_old', now, body)}`, { secrets })), 'ok');
    assert.equal(reasonOf(verify(`t=${now},v1=${hmacHex('whsec_new', now, body)}`, { secrets })), 'ok');
  });

  it('accepts when only the second v1 of a rotation matches', () => {
    const header = `t=${now},v1=${hmacHex('whsec_retired', now, body)},v1=${hmacHex('whsec_current', now, body)}`;
    assert.equal(reasonOf(verify(header)), 'ok');
  });

  it('rejects a signature made with the wrong secret', () => {
    const result = verify(`t=${now},v1=${hmacHex('whsec_attacker', now, body)}`);
    assert.equal(reasonOf(result), 'mismatch');
  });

  it('rejects a tampered body', () => {
    const header = `t=${now},v1=${hmacHex('whsec_current', now, body)}`;
    const tampered = Buffer.from(body.toString().replace('70.92', '0.01'));
    assert.equal(reasonOf(verify(header, { rawBody: tampered })), 'mismatch');
  });

  it('rejects a re-serialised body (whitespace counts)', () => {
    const header = `t=${now},v1=${hmacHex('whsec_current', now, body)}`;
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
    assert.equal(reasonOf(verify(header, { rawBody: reformatted })), 'mismatch');
  });

  it('rejects a timestamp older than the window, even with a valid signature', () => {
    const t = now - 301;
    const result = verify(`t=${t},v1=${hmacHex('whsec_current', t, body)}`);
    assert.equal(reasonOf(result), 'stale');
    assert.match(result.ok ? '' : result.error.message, /301 s old/);
  });

  it('accepts the edges of the window in both directions', () => {
    for (const t of [now - 300, now + 300]) {
      assert.equal(reasonOf(verify(`t=${t},v1=${hmacHex('whsec_current', t, body)}`)), 'ok');
    }
  });

  it('rejects a timestamp beyond the window in the future', () => {
    const t = now + 301;
    const result = verify(`t=${t},v1=${hmacHex('whsec_current', t, body)}`);
    assert.equal(reasonOf(result), 'stale');
    assert.match(result.ok ? '' : result.error.message, /in the future/);
  });

  it('honours a custom tolerance', () => {
    const t = now - 30;
    const header = `t=${t},v1=${hmacHex('whsec_current', t, body)}`;
    const result = verifyClaritySignature({ rawBody: body, header, secrets: ['whsec_current'], nowSeconds: now, toleranceSeconds: 10 });
    assert.equal(reasonOf(result), 'stale');
  });

  it('reports a missing header', () => {
    assert.equal(reasonOf(verify(undefined)), 'missing');
    assert.equal(reasonOf(verify('  ')), 'missing');
  });

  it('reports malformed headers', () => {
    const v1 = hmacHex('whsec_current', now, body);
    for (const header of [
      'garbage',
      `v1=${v1}`,
      `t=abc,v1=${v1}`,
      `t=${now}.5,v1=${v1}`,
      `t=${now},t=${now},v1=${v1}`,
      `t=${now}`,
      `t=${now},,v1=${v1}`,
    ]) {
      assert.equal(reasonOf(verify(header)), 'malformed', header);
    }
  });

  it('ignores other schemes: a v0-only header has no usable signature', () => {
    const header = `t=${now},v0=${hmacHex('whsec_current', now, body)}`;
    assert.equal(reasonOf(verify(header)), 'malformed');
  });

  it('ignores v0 next to a valid v1, and tolerates spaces after commas', () => {
    const header = `t=${now}, v0=deadbeef, v1=${hmacHex('whsec_current', now, body)}`;
    assert.equal(reasonOf(verify(header)), 'ok');
  });

  it('treats v1 values of the wrong length or alphabet as non-matching, without throwing', () => {
    const good = hmacHex('whsec_current', now, body);
    assert.equal(reasonOf(verify(`t=${now},v1=${good.slice(0, 62)}`)), 'mismatch');
    assert.equal(reasonOf(verify(`t=${now},v1=${good.slice(0, 63)}z`)), 'mismatch');
    assert.equal(reasonOf(verify(`t=${now},v1=${good}00`)), 'mismatch');
  });

  it('accepts upper-case hex', () => {
    assert.equal(reasonOf(verify(`t=${now},v1=${hmacHex('whsec_current', now, body).toUpperCase()}`)), 'ok');
  });

  it('never matches when no secret is configured (an empty key would be forgeable)', () => {
    const result = verify(`t=${now},v1=${hmacHex('', now, body)}`, { secrets: [''] });
    assert.equal(reasonOf(result), 'mismatch');
    assert.match(result.ok ? '' : result.error.message, /no webhook secret/);
  });
});

describe('signClarityPayload', () => {
  it('produces one v1 per secret, each an HMAC over `${t}.${body}`', () => {
    const header = signClarityPayload(body, ['whsec_a', 'whsec_b'], now);
    assert.equal(header, `t=${now},v1=${hmacHex('whsec_a', now, body)},v1=${hmacHex('whsec_b', now, body)}`);
  });

  it('signs strings and buffers alike, and round-trips through the verifier', () => {
    assert.equal(signClarityPayload(body.toString(), 'whsec_current', now), signClarityPayload(body, ['whsec_current'], now));
    assert.equal(reasonOf(verify(signClarityPayload(body, 'whsec_current', now))), 'ok');
  });

  it('refuses fractional timestamps and an empty list of secrets', () => {
    assert.throws(() => signClarityPayload(body, 'whsec_current', now + 0.5), RangeError);
    assert.throws(() => signClarityPayload(body, [], now), RangeError);
  });
});
