import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatIssuePath } from './validation-issues.js';

describe('formatIssuePath', () => {
  it('writes object keys with dots and array indexes in brackets', () => {
    assert.equal(formatIssuePath(['data', 'lineItems', 0, 'quantity']), 'data.lineItems[0].quantity');
  });

  it('quotes keys that are not identifiers, and names the root', () => {
    assert.equal(formatIssuePath(['data', 'x-y']), 'data["x-y"]');
    assert.equal(formatIssuePath([]), '(root)');
  });
});
