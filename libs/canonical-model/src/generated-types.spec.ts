import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { orderEventSchema } from './index.js';

const root = join(fileURLToPath(import.meta.url), '../../../..');

describe('canonical types generated from schemas/', () => {
  it('are up to date with the .avsc files (types are derived, never written twice)', () => {
    execFileSync(process.execPath, [join(root, 'tools/generate-canonical-types.mjs'), '--check'], { stdio: 'pipe' });
  });

  it('embed the commerce.order.v1 schema verbatim', () => {
    const onDisk = JSON.parse(readFileSync(join(root, 'schemas/commerce/order.v1.avsc'), 'utf8'));
    assert.deepEqual(orderEventSchema, onDisk);
  });
});
