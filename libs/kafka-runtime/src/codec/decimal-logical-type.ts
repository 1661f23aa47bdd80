import avro from 'avsc';

/**
 * Avro `decimal` (bytes) ⇄ an exact decimal string ("19.99"). Money never becomes a float:
 * the unscaled value is a two's-complement big-endian integer, handled with BigInt.
 */
export class DecimalLogicalType extends avro.types.LogicalType {
  readonly scale: number;
  readonly precision: number;

  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    const attrs = schema as unknown as { scale?: number; precision?: number };
    this.scale = attrs.scale ?? 0;
    this.precision = attrs.precision ?? 38;
  }

  protected override _fromValue(value: Buffer): string {
    return formatUnscaled(fromTwosComplement(value), this.scale);
  }

  protected override _toValue(value: unknown): Buffer {
    if (typeof value !== 'string') throw new Error(`decimal must be a string, got ${typeof value}`);
    const unscaled = parseUnscaled(value, this.scale);
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
    if (digits > this.precision) throw new Error(`decimal ${value} exceeds precision ${this.precision}`);
    return toTwosComplement(unscaled);
  }

  protected override _resolve(type: avro.Type): ((value: unknown) => unknown) | undefined {
    if (type instanceof DecimalLogicalType && type.scale === this.scale) return (value) => value;
    return undefined;
  }
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "19.9" with scale 2 → 1990n; more fractional digits than the scale is an error, not a rounding. */
export const parseUnscaled = (value: string, scale: number): bigint => {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(value)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > scale) throw new Error(`decimal ${value} has more than ${scale} fractional digits`);
  const unscaled = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign ? -unscaled : unscaled;
};

export const formatUnscaled = (unscaled: bigint, scale: number): string => {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
};

const fromTwosComplement = (bytes: Buffer): bigint => {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const signBit = 1n << BigInt(bytes.length * 8 - 1);
  return value & signBit ? value - (signBit << 1n) : value;
};

const toTwosComplement = (value: bigint): Buffer => {
  let length = 1;
  while (value < -(1n << BigInt(length * 8 - 1)) || value >= 1n << BigInt(length * 8 - 1)) length++;
  let unsigned = value < 0n ? (1n << BigInt(length * 8)) + value : value;
  const bytes = Buffer.alloc(length);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(unsigned & 0xffn);
    unsigned >>= 8n;
  }
  return bytes;
};
