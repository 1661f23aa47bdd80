import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError } from '@tributary/core';
import { IntacctClient } from './intacct-client.js';
import type { IntacctClientOptions, IntacctRequestEvent } from './intacct-types.js';
import {
  apiSessionReply,
  businessFailureReply,
  createdObjectReply,
  duplicateControlIdReply,
  schemaFailureReply,
  signInFailureReply,
} from './response/reply-fixtures.js';

/** What the scripted gateway saw of one request. */
interface Received {
  body: string;
  path: string;
  /** `<function controlid>` and verb element of each function, in order. */
  functions: Array<{ controlId: string; verb: string }>;
  sessionId: string | undefined;
  arrivedAt: number;
}

type Reply = { status?: number; headers?: Record<string, string>; body: string } | 'hang';
type Handler = (request: Received) => Reply | Promise<Reply>;

let server: Server;
let baseUrl: string;
let handler: Handler;
let received: Received[] = [];
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const request: Received = {
        body,
        path: req.url ?? '',
        functions: [...body.matchAll(/<function controlid="([^"]+)"><(\w+)/g)].map((m) => ({ controlId: m[1]!, verb: m[2]! })),
        sessionId: /<sessionid>([^<]+)<\/sessionid>/.exec(body)?.[1],
        arrivedAt: Date.now(),
      };
      received.push(request);
      void Promise.resolve(handler(request)).then((reply) => {
        if (reply === 'hang') {
          res.on('close', () => (inFlight -= 1));
          return;
        }
        inFlight -= 1;
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/xml', ...reply.headers }).end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

beforeEach(() => {
  received = [];
  inFlight = 0;
  maxInFlight = 0;
  handler = () => ({ status: 500, body: 'no handler' });
});

/** The `<result>` elements of fixture replies, put into one reply (the envelope of the first). */
const combined = (replies: string[]): string => {
  const resultOf = (reply: string) => /<result>.*<\/result>/s.exec(reply)?.[0] ?? '';
  return replies[0]!.replace(/<result>.*<\/result>/s, () => replies.map(resultOf).join(''));
};

const created = (controlId: string) => createdObjectReply(controlId, 'customer', { RECORDNO: `${controlId.length}${controlId.at(-1)}`, CUSTOMERID: `C-${controlId}` });

/** Answers getAPISession with session `sess-<n>` (n-th sign-in), everything else with `rest`. */
const withSignIn = (rest: Handler): Handler => {
  let signIns = 0;
  return (request) => {
    const [first] = request.functions;
    if (first?.verb === 'getAPISession') {
      signIns += 1;
      return { body: apiSessionReply(first.controlId, `${baseUrl}/na12/ia/xml/xmlgw.phtml`, `sess-${signIns}`) };
    }
    return rest(request);
  };
};

const client = (events: IntacctRequestEvent[] = [], options: Partial<IntacctClientOptions> = {}) =>
  new IntacctClient({
    endpointUrl: `${baseUrl}/ia/xml/xmlgw.phtml`,
    credentials: { senderId: 'tributary', senderPassword: 'sp', userId: 'ws_user', companyId: 'BATCH-DEMO', userPassword: 'up' },
    timeoutMs: 2000,
    onRequest: (e) => events.push(e),
    ...options,
  });

const codeOf = (outcome: PromiseSettledResult<unknown>): string => {
  if (outcome.status === 'fulfilled') return 'ok';
  assert.ok(outcome.reason instanceof IntegrationError, String(outcome.reason));
  return outcome.reason.code;
};

const createThree = (intacct: IntacctClient, prefix = 'cust') =>
  Promise.allSettled(['1', '2', '3'].map((n) => intacct.createCustomer({ name: `Customer ${n}` }, { controlId: `${prefix}-${n}` })));

describe('IntacctClient: several functions per request', () => {
  it('sends concurrent calls in one request (transaction="false") and gives each caller its own result', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events);
    // The reply lists results in another order: they are matched by controlid.
    handler = withSignIn(({ functions }) => ({ body: combined(functions.map((f) => created(f.controlId)).reverse()) }));
    const outcomes = await createThree(intacct);
    await intacct.close();

    assert.deepEqual(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.customerId : o.reason)), ['C-cust-1', 'C-cust-2', 'C-cust-3']);
    assert.equal(received.length, 2);
    assert.deepEqual(received[1]?.functions.map((f) => f.controlId), ['cust-1', 'cust-2', 'cust-3']);
    assert.match(received[1]?.body ?? '', /<operation transaction="false">/);
    assert.deepEqual(events.map((e) => `${e.operation}:${e.functions}:${e.status}`), ['getAPISession:1:success', 'batch:3:success']);
  });

  it('fails only the caller whose function failed, classified as if it had been sent alone', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events);
    // ok-4 gets no result at all.
    handler = withSignIn(() => ({ body: combined([created('ok-1'), businessFailureReply('ok-2'), duplicateControlIdReply('ok-3')]) }));
    const outcomes = await Promise.allSettled(['1', '2', '3', '4'].map((n) => intacct.createCustomer({ name: `Customer ${n}` }, { controlId: `ok-${n}` })));
    await intacct.close();

    assert.deepEqual(outcomes.map(codeOf), ['ok', 'INTACCT.BUSINESS_ERROR', 'INTACCT.DUPLICATE_CONTROLID', 'INTACCT.UNAVAILABLE']);
    const [, business, duplicate, missing] = outcomes.map((o) => (o.status === 'rejected' ? (o.reason as IntegrationError) : undefined));
    assert.equal(business?.transient, false);
    assert.equal(business?.details['controlId'], 'ok-2');
    assert.equal(duplicate?.transient, false);
    assert.equal(missing?.details['outcomeUnknown'], true);
    assert.match(missing?.message ?? '', /ok-4/);
    assert.equal(received.length, 2, 'one sign-in, one request');
    assert.deepEqual(events.at(-1), { ...events.at(-1), operation: 'batch', functions: 4, status: 'INTACCT.BUSINESS_ERROR' });
  });

  it('fails every caller of the request with the same classification when the whole request fails', async () => {
    const intacct = client([], { timeoutMs: 300 });
    const replies: Reply[] = [{ status: 500, body: 'Internal Server Error' }, { body: schemaFailureReply }, 'hang', { body: '<html>not xml' }];
    handler = withSignIn(() => replies.shift() ?? { status: 500, body: 'no reply scripted' });

    const http500 = await createThree(intacct, 'a');
    assert.deepEqual(http500.map(codeOf), Array(3).fill('INTACCT.UNAVAILABLE'));
    for (const o of http500) assert.equal(o.status === 'rejected' && (o.reason as IntegrationError).details['outcomeUnknown'], true);

    assert.deepEqual((await createThree(intacct, 'b')).map(codeOf), Array(3).fill('INTACCT.REQUEST_REJECTED'));

    const timedOut = await createThree(intacct, 'c');
    assert.deepEqual(timedOut.map(codeOf), Array(3).fill('INTACCT.TIMEOUT'));
    for (const o of timedOut) assert.equal(o.status === 'rejected' && (o.reason as IntegrationError).details['outcomeUnknown'], true, 'each outcome is unknown');

    const unreadable = await createThree(intacct, 'd');
    assert.deepEqual(unreadable.map(codeOf), Array(3).fill('INTACCT.UNAVAILABLE'));
    for (const o of unreadable) assert.equal(o.status === 'rejected' && (o.reason as IntegrationError).details['outcomeUnknown'], true);
    await intacct.close();
    assert.equal(received.length, 5, 'one sign-in, then one request per batch');
  });

  it('signs in again once when the session is refused and resends the whole batch', async () => {
    const intacct = client();
    handler = withSignIn(({ sessionId, functions }) => ({
      body: sessionId === 'sess-1' ? signInFailureReply : combined(functions.map((f) => created(f.controlId))),
    }));
    const outcomes = await createThree(intacct);
    await intacct.close();

    assert.deepEqual(outcomes.map(codeOf), ['ok', 'ok', 'ok']);
    assert.deepEqual(
      received.map((r) => `${r.functions.map((f) => f.verb).join('+')}@${r.sessionId ?? 'login'}`),
      ['getAPISession@login', 'create+create+create@sess-1', 'getAPISession@login', 'create+create+create@sess-2'],
    );
  });

  it('gives every caller AUTH_FAILED when the renewed session is refused too', async () => {
    const intacct = client();
    handler = withSignIn(() => ({ body: signInFailureReply }));
    assert.deepEqual((await createThree(intacct)).map(codeOf), Array(3).fill('INTACCT.AUTH_FAILED'));
    await intacct.close();
    assert.equal(received.length, 4);
  });

  it('with maxFunctionsPerRequest 1 sends one request per function, named by its verb', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client(events, { maxFunctionsPerRequest: 1 });
    handler = withSignIn(({ functions }) => ({ body: created(functions[0]!.controlId) }));
    assert.deepEqual((await createThree(intacct)).map(codeOf), ['ok', 'ok', 'ok']);
    await intacct.close();
    assert.deepEqual(received.map((r) => r.functions.length), [1, 1, 1, 1]);
    assert.deepEqual(events.map((e) => e.operation), ['getAPISession', 'create:CUSTOMER', 'create:CUSTOMER', 'create:CUSTOMER']);
  });
});

describe('IntacctClient: requests in flight per company', () => {
  const slow = (rest: Handler): Handler => async (request) => {
    await new Promise((resolve) => setTimeout(resolve, 15));
    return rest(request);
  };

  it('keeps at most maxConcurrentRequests in flight across the clients of one company (one per entity)', async () => {
    const options = { maxConcurrentRequests: 2, maxFunctionsPerRequest: 1 };
    const us = client([], { ...options, credentials: { senderId: 'tributary', senderPassword: 'sp', userId: 'ws_user', companyId: 'BATCH-DEMO', userPassword: 'up', entityId: 'US' } });
    const ca = client([], { ...options, credentials: { senderId: 'tributary', senderPassword: 'sp', userId: 'ws_user', companyId: 'BATCH-DEMO', userPassword: 'up', entityId: 'CA' } });
    handler = slow(withSignIn(({ functions }) => ({ body: created(functions[0]!.controlId) })));
    const calls = [us, ca].flatMap((intacct, c) => Array.from({ length: 8 }, (_, n) => intacct.createCustomer({ name: `Customer ${n}` }, { controlId: `e${c}-${n}` })));
    await Promise.all(calls);
    await Promise.all([us.close(), ca.close()]);
    assert.equal(received.length, 18, 'two sign-ins and 16 creates');
    assert.equal(maxInFlight, 2);
  });

  it('batches what queues up while the slots are busy', async () => {
    const intacct = client([], { maxConcurrentRequests: 1 });
    handler = slow(withSignIn(({ functions }) => ({ body: combined(functions.map((f) => created(f.controlId))) })));
    const first = intacct.createCustomer({ name: 'First' }, { controlId: 'q-0' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const rest = Array.from({ length: 25 }, (_, n) => intacct.createCustomer({ name: `Customer ${n}` }, { controlId: `q-${n + 1}` }));
    await Promise.all([first, ...rest]);
    await intacct.close();
    assert.deepEqual(received.map((r) => r.functions.length), [1, 1, 20, 5], 'sign-in, the first call, then what waited meanwhile');
    assert.equal(maxInFlight, 1);
  });

  it('holds the company\'s next requests for Retry-After after a 429, and still reports THROTTLED', async () => {
    const intacct = client([], { maxFunctionsPerRequest: 1, maxConcurrentRequests: 1 });
    let throttledAt = 0;
    const replies: Reply[] = [{ status: 429, headers: { 'retry-after': '1' }, body: '<html>GW-0010</html>' }];
    handler = withSignIn(({ functions }) => {
      const reply = replies.shift();
      if (reply) {
        throttledAt = Date.now();
        return reply;
      }
      return { body: created(functions[0]!.controlId) };
    });
    const [throttled] = await createThree(intacct, 't');
    assert.equal(codeOf(throttled!), 'INTACCT.THROTTLED');
    assert.equal(throttled?.status === 'rejected' && (throttled.reason as IntegrationError).details['retryAfterMs'], 1000);
    await intacct.close();
    const later = received.slice(2);
    assert.equal(later.length, 2, 'the other two calls went through after the hold');
    for (const request of later) assert.ok(request.arrivedAt - throttledAt >= 950, `sent ${request.arrivedAt - throttledAt} ms after the 429`);
  });
});
