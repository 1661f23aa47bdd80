import { catalogue } from './catalogue.js';
import { sampleCustomer, type SampleCustomer } from './people.js';
import { cartSubtotal, isAtLeast, priceCart, type CartLine } from './pricing.js';
import { seededRandom, type Random } from './random.js';
import type { ClarityAmountPayload, ClarityOrderPayload, ClarityPaymentMethod } from './payload.js';

export interface SampleOrderOptions {
  /** Same seed, same orders. Default 1. */
  seed?: number;
  /** The first order's id; `orderNumber` is `CL-<id>`. Default 10001. */
  startNumber?: number;
  /** Every amount is in this currency. Default USD. */
  currency?: string;
  /** When the first order is placed; later ones follow minutes apart. Default 2026-11-25T09:00:00Z. */
  from?: string;
}

const coupons = [
  { code: 'SPRING10', rate: '0.10' },
  { code: 'WELCOME15', rate: '0.15' },
  { code: 'VIP20', rate: '0.20' },
] as const;

/** Texas, Ontario-ish GST, UK VAT: roughly what each destination charges. */
const taxRates: Readonly<Record<Country, string>> = { US: '0.0825', CA: '0.05', GB: '0.20' };

type Country = SampleCustomer['country'];

const shippingMethods: Readonly<Record<Country, ReadonlyArray<{ method: string; amount: string }>>> = {
  US: [
    { method: 'UPS Ground', amount: '9.95' },
    { method: 'UPS 2nd Day Air', amount: '19.95' },
    { method: 'FedEx Standard Overnight', amount: '34.50' },
    { method: 'USPS Priority Mail', amount: '8.70' },
  ],
  CA: [{ method: 'Canada Post Expedited', amount: '14.95' }],
  GB: [{ method: 'Royal Mail Tracked 48', amount: '12.50' }],
};

const storeIds: Readonly<Record<Country, string>> = { US: 'store-us-1', CA: 'store-ca-1', GB: 'store-uk-1' };

const FREE_GROUND_FROM = '150.00';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const paymentReference = (random: Random, method: ClarityPaymentMethod): string => {
  if (method === 'paypal') return `PAYID-${random.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 24)}`;
  if (method === 'gift_card') return `gc_${random.chars(BASE62, 16)}`;
  return `ch_3${random.chars(BASE62, 23)}`;
};

const sampleCart = (random: Random, discountRate: string | null): CartLine[] => {
  const skus = new Set<number>();
  const lineCount = random.weighted([[1, 30], [2, 25], [3, 20], [4, 12], [5, 8], [6, 5]] as const);
  while (skus.size < lineCount) skus.add(random.int(0, catalogue.length - 1));
  return [...skus].map((index) => {
    const item = catalogue[index]!;
    const quantity = random.weighted([[1, 60], [2, 25], [3, 8], [4, 4], [6, 2], [12, 1]] as const);
    // Without a coupon, buying four or more of a thing earns 5 % off that line.
    const rate = discountRate ?? (quantity >= 4 ? '0.05' : '0');
    return { sku: item.sku, name: item.name, quantity, unitPrice: item.price, discountRate: rate };
  });
};

const sampleOrder = (random: Random, orderNumber: number, orderDate: Date, currency: string): ClarityOrderPayload => {
  const { customerId, customer, billingAddress, shippingAddress, country } = sampleCustomer(random);
  const coupon = random.chance(0.25) ? random.pick(coupons) : null;
  const cart = sampleCart(random, coupon?.rate ?? null);
  const shipping = random.pick(shippingMethods[country]);
  const freeGround = shipping.method === 'UPS Ground' && isAtLeast(cartSubtotal(cart), FREE_GROUND_FROM);
  const priced = priceCart(cart, taxRates[country], freeGround ? '0' : shipping.amount);
  // Clarity may send amounts as numbers or as strings; about one order in eight uses strings.
  const asStrings = random.chance(0.125);
  const money = (text: string): ClarityAmountPayload => (asStrings ? text : Number(text));
  const paymentMethod = random.weighted<ClarityPaymentMethod>([['visa', 40], ['mastercard', 25], ['amex', 12], ['paypal', 15], ['gift_card', 8]]);
  const storeId = storeIds[country];

  return {
    orderId: String(orderNumber),
    orderNumber: `CL-${orderNumber}`,
    customerId,
    orderDate: orderDate.toISOString().replace('.000Z', 'Z'),
    status: random.weighted([['pending', 85], ['processing', 15]] as const),
    currency,
    storeId,
    channel: random.weighted([['web', 70], ['mobile', 25], ['phone', 5]] as const),
    customer,
    billingAddress,
    shippingAddress,
    lineItems: priced.lines.map((line, index) => ({
      lineId: String(index + 1),
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPrice: money(line.unitPrice),
      discount: money(line.discount),
      tax: money(line.tax),
    })),
    shipping: { method: shipping.method, amount: money(priced.shipping) },
    paymentInfo: {
      method: paymentMethod,
      transactionId: paymentReference(random, paymentMethod),
      amount: money(priced.total),
      status: random.weighted([['captured', 70], ['authorized', 30]] as const),
    },
    couponCode: coupon?.code ?? null,
    totalAmount: money(priced.total),
  };
};

/** Realistic orders whose amounts add up to the cent; the same seed always gives the same orders. */
export const sampleOrders = (count: number, options: SampleOrderOptions = {}): ClarityOrderPayload[] => {
  const random = seededRandom(options.seed ?? 1);
  const startNumber = options.startNumber ?? 10_001;
  const currency = options.currency ?? 'USD';
  let placedAt = Date.parse(options.from ?? '2026-11-25T09:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    placedAt += random.int(20, 600) * 1000;
    return sampleOrder(random, startNumber + index, new Date(placedAt), currency);
  });
};
