/**
 * Stock quantities as integers of ten-thousandths (the Avro decimal's scale 4), so folding is
 * exact and fast: "12.5" → 125000. Safe up to 2^53 units, i.e. ~900 billion pieces per key.
 */
export type Quantity = number;

const SCALE = 10_000;
const DECIMAL = /^(-)?(\d+)(?:\.(\d{1,4}))?$/;

export const quantity = (value: string | number): Quantity => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a quantity: ${value}`);
    return Math.round(value * SCALE);
  }
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`not a quantity: ${JSON.stringify(value)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const units = Number(whole) * SCALE + Number(fraction.padEnd(4, '0'));
  return sign ? -units : units;
};

export const formatQuantity = (units: Quantity): string => {
  const negative = units < 0;
  const abs = Math.abs(units);
  const text = `${Math.floor(abs / SCALE)}.${String(abs % SCALE).padStart(4, '0')}`;
  return negative && abs !== 0 ? `-${text}` : text;
};
