/**
 * Runs inside a worker thread with a small heap. avsc trusts Avro block counts, so a few
 * malicious bytes can make it allocate until the process dies; here that kills only this worker.
 */
import { parentPort } from 'node:worker_threads';
import type avro from 'avsc';
import { compileAvroType } from './avro-type.js';
import type { DecodeRequest, DecodeResponse, WorkerMessage } from './decode-protocol.js';

type Reader = { type: avro.Type; resolver: avro.Resolver | undefined } | { unreadable: string };
const readers = new Map<string, Reader>();

const decodeOne = (key: string, body: Uint8Array): DecodeResponse['results'][number] => {
  const reader = readers.get(key);
  if (!reader) return { ok: false, code: 'DECODE.UNKNOWN_SCHEMA', message: `schema ${key} not registered with the decoder` };
  if ('unreadable' in reader) return { ok: false, code: 'DECODE.INCOMPATIBLE_SCHEMA', message: reader.unreadable };
  try {
    const value = reader.type.fromBuffer(Buffer.from(body.buffer, body.byteOffset, body.byteLength), reader.resolver);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, code: 'DECODE.INVALID_AVRO', message: error instanceof Error ? error.message : String(error) };
  }
};

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.kind === 'schema') {
    // A writer schema we cannot read as our reader (another topic's schema id, say) makes its
    // messages undecodable; it must not take the worker down with it.
    try {
      const readerType = compileAvroType(message.reader);
      const writerType = message.writer === message.reader ? readerType : compileAvroType(message.writer);
      readers.set(message.key, { type: readerType, resolver: writerType === readerType ? undefined : readerType.createResolver(writerType) });
    } catch (error) {
      readers.set(message.key, { unreadable: `writer schema cannot be read as ours: ${error instanceof Error ? error.message : String(error)}` });
    }
    return;
  }
  const request: DecodeRequest = message;
  const response: DecodeResponse = { requestId: request.requestId, results: request.items.map((item) => decodeOne(item.key, item.body)) };
  parentPort?.postMessage(response);
});
