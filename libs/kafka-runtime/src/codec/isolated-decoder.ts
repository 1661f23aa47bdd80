import { Worker } from 'node:worker_threads';
import type { DecodeResponse, DecodeResult, SchemaMessage } from './decode-protocol.js';

export interface IsolatedDecoderOptions {
  /** Heap of the decode worker; a message that needs more is undecodable by definition. */
  maxHeapMb?: number;
  /** A decode that takes longer is treated as hostile (zero-byte items can loop for a long time). */
  timeoutMs?: number;
}

type Pending = { resolve: (results: DecodeResult[]) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

class WorkerLost extends Error {}

/**
 * Decodes Avro bodies in a worker thread with bounded heap and time. When the worker dies (out of
 * memory) or stalls, the batch is retried one message at a time so exactly the hostile message
 * is reported as undecodable and the others decode normally. The process itself never crashes.
 */
export class IsolatedDecoder {
  private worker: Worker | undefined;
  private readonly schemas = new Map<string, SchemaMessage>();
  private readonly pending = new Map<number, Pending>();
  private nextRequestId = 1;
  private readonly maxHeapMb: number;
  private readonly timeoutMs: number;

  constructor(options: IsolatedDecoderOptions = {}) {
    this.maxHeapMb = options.maxHeapMb ?? 64;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  hasSchema(key: string): boolean {
    return this.schemas.has(key);
  }

  /** Teaches the worker how to read data written with `writer` as the `reader` schema, under `key`. */
  addSchema(key: string, writer: string, reader: string): void {
    const message: SchemaMessage = { kind: 'schema', key, writer, reader };
    this.schemas.set(key, message);
    this.worker?.postMessage(message);
  }

  async decodeMany(items: Array<{ key: string; body: Buffer }>): Promise<DecodeResult[]> {
    if (items.length === 0) return [];
    try {
      return await this.request(items);
    } catch (error) {
      if (!(error instanceof WorkerLost)) throw error;
      if (items.length === 1) return [{ ok: false, code: 'DECODE.RESOURCE_LIMIT', message: error.message }];
      const results: DecodeResult[] = [];
      for (const item of items) results.push(...(await this.decodeMany([item])));
      return results;
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private request(items: Array<{ key: string; body: Buffer }>): Promise<DecodeResult[]> {
    const worker = this.ensureWorker();
    const requestId = this.nextRequestId++;
    return new Promise<DecodeResult[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new WorkerLost(`decoding took longer than ${this.timeoutMs} ms`));
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(requestId, { resolve, reject, timer });
      worker.postMessage({ kind: 'decode', requestId, items: items.map((i) => ({ key: i.key, body: i.body })) });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./decode-worker.js', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    worker.unref();
    worker.on('message', (response: DecodeResponse) => {
      const pending = this.pending.get(response.requestId);
      if (!pending) return;
      clearTimeout(pending.timer);
      this.pending.delete(response.requestId);
      pending.resolve(response.results);
    });
    worker.on('error', (error) => this.onWorkerGone(worker, `decoder worker failed: ${error.message}`));
    worker.on('exit', (code) => this.onWorkerGone(worker, `decoder worker exited with code ${code}`));
    for (const schema of this.schemas.values()) worker.postMessage(schema);
    this.worker = worker;
    return worker;
  }

  private onWorkerGone(worker: Worker, reason: string): void {
    if (this.worker === worker) this.worker = undefined;
    this.failAll(new WorkerLost(reason));
  }

  private failAll(error: Error): void {
    if (this.worker) {
      const worker = this.worker;
      this.worker = undefined;
      void worker.terminate();
    }
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }
}
