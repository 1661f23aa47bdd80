import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCli } from './cli-args.js';

const url = 'http://127.0.0.1:3000/webhooks/clarity';

describe('parseCli', () => {
  it('reads the options with their defaults', () => {
    const command = parseCli(['--url', url, '--count', '20', '--secret', 's1', '--seed', '7', '--duplicates'], {});
    assert.deepEqual(command, {
      kind: 'send',
      options: { url, count: 20, secrets: ['s1'], seed: 7, startNumber: 10_001, currency: 'USD', concurrency: 4, maxAttempts: 5, duplicates: true },
    });
  });

  it('takes secrets from CLARITY_WEBHOOK_SECRETS when none are passed, and repeated --secret otherwise', () => {
    const fromEnv = parseCli(['--url', url], { CLARITY_WEBHOOK_SECRETS: 'whsec_new, whsec_old,' });
    assert.deepEqual(fromEnv.kind === 'send' && fromEnv.options.secrets, ['whsec_new', 'whsec_old']);
    const fromArgs = parseCli(['--url', url, '--secret', 'a', '--secret', 'b'], { CLARITY_WEBHOOK_SECRETS: 'ignored' });
    assert.deepEqual(fromArgs.kind === 'send' && fromArgs.options.secrets, ['a', 'b']);
  });

  it('answers --help', () => {
    assert.deepEqual(parseCli(['--help'], {}), { kind: 'help' });
    assert.deepEqual(parseCli(['-h'], {}), { kind: 'help' });
  });

  it('explains what is wrong', () => {
    const message = (argv: string[], env = {}) => {
      const command = parseCli(argv, env);
      return command.kind === 'error' ? command.message : command.kind;
    };
    assert.match(message(['--secret', 's']), /--url is required/);
    assert.match(message(['--url', url]), /no secret/);
    assert.match(message(['--url', url, '--secret', 's', '--count', 'ten']), /--count must be a positive integer/);
    assert.match(message(['--url', 'not a url', '--secret', 's']), /not a URL/);
    assert.match(message(['--url', url, '--secret', 's', '--currency', 'usd']), /ISO 4217/);
    assert.match(message(['--url', url, '--secret', 's', '--bogus']), /bogus/);
  });
});
