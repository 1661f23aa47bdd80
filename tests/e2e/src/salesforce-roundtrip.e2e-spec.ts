import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createClarityEgress } from '@tributary/clarity-egress';
import { createClarityIngress } from '@tributary/clarity-ingress';
import { createInventoryProjector } from '@tributary/inventory-projector';
import { createSalesforceCdcSource } from '@tributary/salesforce-cdc-source';
import { createSalesforceSink } from '@tributary/salesforce-sink';
import { sampleShopData, startClaritySimulator, type ClaritySimulator } from '@tributary/simulator-clarity';
import { startSalesforceSimulator, type SalesforceSimulator } from '@tributary/simulator-salesforce';
import { sleep, stackEnv, waitFor, withTimeout } from '@tributary/testing';
import { MAPPING_FILE } from './e2e-stack.js';

const CLARITY = { clientId: 'tributary-roundtrip', clientSecret: 'roundtrip-secret' };
const SALESFORCE = { clientId: 'tributary-roundtrip-sf', clientSecret: 'roundtrip-sf-secret' };
const WEBHOOK_SECRET = 'whsec_sf_roundtrip';
const EXT = 'Clarity_Customer_Id__c';

/**
 * Customer 360 end to end: a person's edit in Clarity → clarity-ingress → commerce.customer.v1 →
 * salesforce-sink → Account (its CDC echo suppressed by salesforce-cdc-source); a sales rep's
 * phone change in Salesforce → salesforce-cdc-source → commerce.customer.v1 → inventory-projector
 * (field masters: Salesforce owns the phone) → customer.profile.v1 → clarity-egress → one PATCH
 * in Clarity, whose echo webhook the ingress keeps for audit only: nothing goes back to Salesforce.
 */
const timed = async <T>(name: string, starting: Promise<T>): Promise<T> => {
  const started = Date.now();
  const app = await withTimeout(starting, 90_000, `${name} to start`);
  process.stderr.write(`# roundtrip: ${name} started in ${Date.now() - started} ms\n`);
  return app;
};

describe('Salesforce ⇄ Clarity round trip (ingress, salesforce-sink, salesforce-cdc-source, projector, egress)', () => {
  let shop: ClaritySimulator;
  let sf: SalesforceSimulator;
  let ingress: NestFastifyApplication;
  const apps: INestApplicationContext[] = [];

  before(async () => {
    shop = await startClaritySimulator({ clients: [CLARITY], data: sampleShopData(2, { seed: 17, startNumber: 41001 }) });
    sf = await startSalesforceSimulator({ port: 0, clients: [SALESFORCE], cometdTimeoutMs: 800, seed: 3 });
    const env = stackEnv({
      CLARITY_WEBHOOK_SECRETS: WEBHOOK_SECRET, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', MAPPING_FILE,
      CLARITY_API_URL: shop.url, CLARITY_CLIENT_ID: CLARITY.clientId, CLARITY_CLIENT_SECRET: CLARITY.clientSecret, CLARITY_INVENTORY_FLUSH_MS: '500',
      SALESFORCE_LOGIN_URL: sf.url, SALESFORCE_CLIENT_ID: SALESFORCE.clientId, SALESFORCE_CLIENT_SECRET: SALESFORCE.clientSecret, SALESFORCE_TIMEOUT_MS: '5000',
      RETRY_INITIAL_DELAY_MS: '50', RETRY_MAX_DELAY_MS: '400', CIRCUIT_PROBE_INTERVAL_MS: '500', PROJECTOR_SESSION_TIMEOUT_MS: '6000',
    });
    // Each start is timed and bounded: on a loaded machine a slow one is named, not a suite time-out.
    ingress = await timed('clarity-ingress', createClarityIngress(env));
    shop.setWebhookTarget({ url: `${await ingress.getUrl()}/webhooks/clarity`, secrets: [WEBHOOK_SECRET], maxAttempts: 5, backoffMs: 100 });
    for (const [name, create] of [['salesforce-sink', createSalesforceSink], ['salesforce-cdc-source', createSalesforceCdcSource], ['inventory-projector', createInventoryProjector], ['clarity-egress', createClarityEgress]] as const) {
      apps.push(await timed(name, create(env)));
    }
  });
  after(async () => {
    for (const app of apps.reverse()) await app.close();
    await ingress?.close();
    await shop?.close();
    await sf?.close();
  });

  const ours = () => sf.cdcEvents().filter((e) => e.data.payload.ChangeEventHeader.changeOrigin.includes('client=tributary'));
  const patches = () => Object.values(shop.stats().requests['PATCH /api/v1/customers/{customerId}'] ?? {}).reduce((sum, n) => sum + n, 0);

  it("a Clarity edit reaches Salesforce; a sales rep's phone change reaches Clarity exactly once and does not come back", async () => {
    const customer = shop.customers()[0]!;
    shop.changeCustomer(customer.customerId, { lastName: 'Byron-King', company: null }, 'maria');
    await shop.idle();
    const account = await waitFor(() => sf.records('Account').find((a) => a[EXT] === customer.customerId && a['LastName'] === 'Byron-King'), { what: 'the Clarity edit in Salesforce', timeoutMs: 30_000 });
    await sleep(2000);
    const echoes = ours().length;
    assert.ok(echoes >= 1, 'our write produced a CDC event (the echo the source suppresses)');
    assert.equal(patches(), 0, 'nothing written back to Clarity for its own edit');

    sf.changeAsSalesRep('Account', String(account['Id']), { Phone: '+1 415 555 0142' });
    await waitFor(() => shop.customers().find((c) => c.customerId === customer.customerId)?.phone === '+1 415 555 0142', { what: "the rep's phone in Clarity", timeoutMs: 40_000, intervalMs: 250 });
    await shop.idle();
    await sleep(3000);
    assert.equal(patches(), 1, 'Clarity updated exactly once');
    assert.equal(ours().length, echoes, 'nothing went back to Salesforce');
    assert.equal(sf.records('Account').find((a) => a['Id'] === account['Id'])?.['Phone'], '+1 415 555 0142');
  });
});
