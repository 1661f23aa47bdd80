/** Messages between the consumer and its decode worker. */
export type SchemaMessage = { kind: 'schema'; key: string; writer: string; reader: string };
export type DecodeRequest = { kind: 'decode'; requestId: number; items: Array<{ key: string; body: Uint8Array }> };
export type WorkerMessage = SchemaMessage | DecodeRequest;
export type DecodeResult = { ok: true; value: unknown } | { ok: false; code: string; message: string };
export type DecodeResponse = { requestId: number; results: DecodeResult[] };
