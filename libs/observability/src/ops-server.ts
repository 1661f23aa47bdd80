import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TributaryMetrics } from './metrics.js';
import type { Readiness } from './health.js';

/**
 * The operations port every service opens: `/metrics` (Prometheus), `/health/live` (the process
 * answers) and `/health/ready` (Kafka and the registry answer). Kept apart from business HTTP so
 * probes and scrapes never queue behind webhooks.
 */
export class OpsServer {
  private server: Server | undefined;

  constructor(private readonly metrics: TributaryMetrics, private readonly readiness: Readiness) {}

  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    const server = createServer((req, res) => {
      const send = (status: number, body: string, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET') return send(405, JSON.stringify({ error: 'method not allowed' }));
      if (path === '/health/live') return send(200, JSON.stringify({ status: 'live' }));
      if (path === '/health/ready') {
        void this.readiness.report().then((report) => send(report.ready ? 200 : 503, JSON.stringify(report)));
        return;
      }
      if (path === '/metrics') {
        void this.metrics.registry.metrics().then((text) => send(200, text, this.metrics.registry.contentType));
        return;
      }
      send(404, JSON.stringify({ error: 'not found', paths: ['/metrics', '/health/live', '/health/ready'] }));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
