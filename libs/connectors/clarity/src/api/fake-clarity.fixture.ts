import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Tests only: a scripted stand-in for Clarity's API, independent of the simulator. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless it is a string. */
  body?: unknown;
  delayMs?: number;
}

export type FakeHandler = (request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeClarity {
  readonly url: string;
  readonly requests: FakeRequest[];
  /** Requests to the token endpoint. */
  tokenRequests(): FakeRequest[];
  /** Requests to `/api/v1`. */
  apiRequests(): FakeRequest[];
  close(): Promise<void>;
}

export const startFakeClarity = async (handler: FakeHandler): Promise<FakeClarity> => {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      void Promise.resolve(handler(request)).then(async (answer) => {
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        if (res.destroyed) return;
        const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokenRequests: () => requests.filter((r) => r.path === '/oauth/token'),
    apiRequests: () => requests.filter((r) => r.path.startsWith('/api/v1/')),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/** A token reply; `n` numbers the tokens so a test can tell them apart. */
export const tokenAnswer = (token: string, expiresIn = 3600): FakeAnswer => ({ status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } });

export const invalidToken: FakeAnswer = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="clarity", error="invalid_token"' },
  body: { error: 'invalid_token' },
};

export const sampleOrder = (orderId = '10045') => ({
  orderId,
  orderNumber: `CL-${orderId}`,
  customerId: 'cust-77',
  orderDate: '2026-11-25T09:59:58Z',
  status: 'pending',
  currency: 'USD',
  customer: { email: 'maria.alvarez@example.com', firstName: 'María', lastName: 'Álvarez', company: null, phone: '+1 512 555 0148' },
  billingAddress: { name: 'María Álvarez', line1: '600 Congress Avenue', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  shippingAddress: { name: 'María Álvarez', line1: '600 Congress Avenue', line2: null, city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
  lineItems: [{ lineId: '1', sku: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz', quantity: 2, unitPrice: 19.99, discount: 0, tax: 3.3 }],
  shipping: { method: 'UPS Ground', amount: 9.95 },
  paymentInfo: { method: 'visa', transactionId: 'ch_3abc', amount: 53.23, status: 'captured' },
  couponCode: null,
  totalAmount: 53.23,
});
