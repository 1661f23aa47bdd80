import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IntegrationError } from '@tributary/core';
import { IntacctClient } from '@tributary/connectors-intacct';

/**
 * A hostile Intacct gateway: whatever it answers, the IntacctClient must give a classified
 * IntegrationError in bounded time, never crash and never hang.
 */
const SENDER_PASSWORD = 'canary-sender-9f3b1c';
const USER_PASSWORD = 'canary-user-4d2e7a';
const TIMEOUT_MS = 1500;

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const xml = (res: ServerResponse, status: number, body: string, type = 'text/xml') => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<response><control><status>success</status></control><operation><authentication><status>success</status></authentication>
<result><status>success</status><function>getAPISession</function><controlid>&lol9;</controlid><data><api><sessionid>&lol9;</sessionid><endpoint>&lol9;</endpoint></api></data></result></operation></response>`;

const externalEntity = `<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<response><control><status>success</status></control><operation><authentication><status>success</status></authentication>
<result><status>success</status><function>getAPISession</function><controlid>x</controlid><data><api><sessionid>&xxe;</sessionid><endpoint>http://127.0.0.1:1/&xxe;</endpoint></api></data></result></operation></response>`;

const deepXml = (depth: number) => `<?xml version="1.0"?><response>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</response>`;

/** Each hostile reply, and what the client must classify it as. */
const hostile: Record<string, { reply: Reply; codes: string[] }> = {
  'malformed XML': { reply: (_q, r) => xml(r, 200, '<response><control><status>success</status></control><operation'), codes: ['INTACCT.UNAVAILABLE'] },
  'not XML at all': { reply: (_q, r) => xml(r, 200, '\u0000\u0001garbage\uffff{'), codes: ['INTACCT.UNAVAILABLE'] },
  'empty 200': { reply: (_q, r) => xml(r, 200, ''), codes: ['INTACCT.UNAVAILABLE'] },
  'entity expansion (billion laughs)': { reply: (_q, r) => xml(r, 200, billionLaughs), codes: ['INTACCT.UNAVAILABLE', 'INTACCT.AUTH_FAILED'] },
  'external entity (XXE)': { reply: (_q, r) => xml(r, 200, externalEntity), codes: ['INTACCT.UNAVAILABLE', 'INTACCT.AUTH_FAILED'] },
  'huge document (40 MB)': {
    reply: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/xml' });
      r.write('<?xml version="1.0"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>getAPISession</function><controlid>x</controlid><data>');
      const chunk = `<junk>${'x'.repeat(1024 * 1024)}</junk>`;
      for (let i = 0; i < 40; i++) r.write(chunk);
      r.end('</data></result></operation></response>');
    },
    codes: ['INTACCT.UNAVAILABLE', 'INTACCT.AUTH_FAILED', 'INTACCT.TIMEOUT'],
  },
  'deeply nested XML (50,000 levels)': { reply: (_q, r) => xml(r, 200, deepXml(50_000)), codes: ['INTACCT.UNAVAILABLE'] },
  'endless body (never ends)': {
    reply: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/xml' });
      r.write('<?xml version="1.0"?><response>');
      const timer = setInterval(() => r.write('<x>'.repeat(1000)), 5);
      r.on('close', () => clearInterval(timer));
    },
    codes: ['INTACCT.TIMEOUT', 'INTACCT.UNAVAILABLE'],
  },
  'no answer (hangs)': { reply: () => undefined, codes: ['INTACCT.TIMEOUT'] },
  'JSON with a JSON content type': { reply: (_q, r) => xml(r, 200, '{"response":{"control":{"status":"success"}}}', 'application/json'), codes: ['INTACCT.UNAVAILABLE'] },
  'HTML login page with 200': { reply: (_q, r) => xml(r, 200, '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>…</form></body></html>', 'text/html'), codes: ['INTACCT.UNAVAILABLE'] },
  'HTML error page with 502': { reply: (_q, r) => xml(r, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', 'text/html'), codes: ['INTACCT.UNAVAILABLE'] },
  'octet-stream with binary': { reply: (_q, r) => xml(r, 200, String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i % 256)), 'application/octet-stream'), codes: ['INTACCT.UNAVAILABLE'] },
  'valid XML, wrong shape': { reply: (_q, r) => xml(r, 200, '<?xml version="1.0"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result>not a result</result></operation></response>'), codes: ['INTACCT.UNAVAILABLE', 'INTACCT.AUTH_FAILED'] },
  'connection reset mid-reply': { reply: (_q, r) => { r.writeHead(200, { 'content-type': 'text/xml' }); r.write('<response><control>'); setTimeout(() => r.socket?.resetAndDestroy(), 20); }, codes: ['INTACCT.UNAVAILABLE', 'INTACCT.TIMEOUT'] },
  '429 with an absurd Retry-After': { reply: (_q, r) => { r.writeHead(429, { 'retry-after': '99999999999999999999' }); r.end('slow down'); }, codes: ['INTACCT.THROTTLED'] },
  '500 echoing the request (with its passwords)': { reply: (_q, r, body) => xml(r, 500, `<error>could not process: ${body}</error>`), codes: ['INTACCT.UNAVAILABLE'] },
};

describe('fuzz: hostile replies from the Intacct gateway → classified IntegrationErrors, no crash, no hang', () => {
  let server: Server;
  let url: string;
  let current: Reply = (_q, r) => xml(r, 500, 'unset');

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => current(req, res, body));
      res.on('error', () => undefined);
      req.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ia/xml/xmlgw.phtml`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  for (const [name, { reply, codes }] of Object.entries(hostile)) {
    it(`${name} → ${codes.join(' or ')}`, async () => {
      current = reply;
      const client = new IntacctClient({
        endpointUrl: url,
        timeoutMs: TIMEOUT_MS,
        credentials: { senderId: 'fuzz', senderPassword: SENDER_PASSWORD, companyId: 'FUZZ', userId: 'ws', userPassword: USER_PASSWORD },
      });
      const started = Date.now();
      const heapBefore = process.memoryUsage().heapUsed;
      try {
        const error = await client.findSalesDocumentByReference('Sales Order', 'CL-1').then(
          () => assert.fail('a hostile reply must not be read as a success'),
          (e: unknown) => e,
        );
        const elapsed = Date.now() - started;
        assert.ok(error instanceof IntegrationError, `an IntegrationError, got ${String(error)}`);
        assert.ok(codes.includes(error.code), `code ${error.code} (${error.message.slice(0, 200)}) is one of ${codes.join(', ')}`);
        assert.ok(elapsed < TIMEOUT_MS * 2 + 3000, `answered in bounded time (${elapsed} ms)`);
        const visible = `${error.message} ${JSON.stringify(error.details)}`;
        assert.ok(visible.length < 10_000, `the error stays small (${visible.length} chars)`);
        assert.ok(!visible.includes(SENDER_PASSWORD) && !visible.includes(USER_PASSWORD), `no password in the error: ${visible.slice(0, 600)}`);
        assert.ok(process.memoryUsage().heapUsed - heapBefore < 400 * 1024 * 1024, 'no runaway memory');
      } finally {
        await client.close();
      }
    });
  }
});
