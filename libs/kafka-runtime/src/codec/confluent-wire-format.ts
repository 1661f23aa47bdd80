import { IntegrationError } from '@tributary/core';

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro body. */
export const MAGIC_BYTE = 0;
export const HEADER_LENGTH = 5;

export const withSchemaHeader = (schemaId: number, body: Buffer): Buffer => {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
};

export const readSchemaHeader = (message: Buffer | null): { schemaId: number; body: Buffer } => {
  if (!message || message.length < HEADER_LENGTH) {
    throw IntegrationError.permanent('DECODE.TRUNCATED', `message of ${message?.length ?? 0} bytes is shorter than the ${HEADER_LENGTH}-byte Confluent header`);
  }
  if (message.readUInt8(0) !== MAGIC_BYTE) {
    throw IntegrationError.permanent('DECODE.INVALID_MAGIC_BYTE', `first byte is ${message.readUInt8(0)}, expected ${MAGIC_BYTE} (not Confluent wire format)`);
  }
  return { schemaId: message.readUInt32BE(1), body: message.subarray(HEADER_LENGTH) };
};
