import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { minorUnits } from './currency.js';
import { normaliseLineAmounts, type LineAmountsInput, type NormaliseOptions, type NormalisedAmounts } from './normalise-line-amounts.js';

const Precise = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });

const normalised = (lines: LineAmountsInput[], options: NormaliseOptions): NormalisedAmounts => {
  const result = normaliseLineAmounts(lines, options);
  if (!result.ok) assert.fail(result.error.message);
  return result.value;
};

const failure = (lines: LineAmountsInput[], options: NormaliseOptions) => {
  const result = normaliseLineAmounts(lines, options);
  return result.ok ? 'ok' : { code: result.error.code, path: result.error.details['path'], transient: result.error.transient };
};

describe('normaliseLineAmounts', () => {
  it('adds sales tax to tax-exclusive prices after sharing the coupon across the lines', () => {
    const result = normalised(
      [
        { quantity: 2, unitPrice: '49.99', taxRate: '0.0825' }, // Austin, TX
        { quantity: 1, unitPrice: '24.50', discount: '4.50', taxRate: '0.0825' },
        { quantity: 3, unitPrice: '5.00', taxRate: '0' }, // gift wrap, exempt
      ],
      { currency: 'USD', pricesIncludeTax: false, orderDiscount: '10.00', shipping: { amount: '7.95', taxRate: '0' } },
    );
    // coupon 10.00 over 99.98 / 20.00 / 15.00 → 7.41 / 1.48 / 1.11 (the rounding penny on the last line)
    assert.deepEqual(result.lines, [
      { net: '99.98', discount: '7.41', tax: '7.64', gross: '100.21' },
      { net: '24.50', discount: '5.98', tax: '1.53', gross: '20.05' },
      { net: '15.00', discount: '1.11', tax: '0.00', gross: '13.89' },
    ]);
    assert.deepEqual(result.totals, { subtotal: '139.48', discountTotal: '14.50', taxTotal: '9.17', shippingTotal: '7.95', shippingTax: '0.00', grandTotal: '142.10' });
  });

  it('extracts VAT from tax-inclusive prices so the grand total is what the customer paid', () => {
    const result = normalised(
      [
        { quantity: 2, unitPrice: '59.90', taxRate: '0.19' }, // Berlin: standard rate
        { quantity: 1, unitPrice: '24.95', taxRate: '0.07' }, // a book: reduced rate
      ],
      { currency: 'EUR', pricesIncludeTax: true, orderDiscount: '10.00', shipping: { amount: '4.90', taxRate: '0.19' } },
    );
    assert.deepEqual(result.lines, [
      { net: '100.67', discount: '6.96', tax: '17.81', gross: '111.52' },
      { net: '23.32', discount: '1.61', tax: '1.52', gross: '23.23' },
    ]);
    assert.deepEqual(result.totals, { subtotal: '123.99', discountTotal: '8.57', taxTotal: '19.33', shippingTotal: '4.12', shippingTax: '0.78', grandTotal: '139.65' });
    assert.equal(result.totals.grandTotal, new Precise('144.75').minus('10.00').plus('4.90').toFixed(2));
  });

  it('trusts the tax the storefront charged over one recomputed from the rate', () => {
    const inclusive = normalised([{ quantity: 1, unitPrice: '119.00', discount: '11.90', tax: '17.10', taxRate: '0.19' }], { currency: 'EUR', pricesIncludeTax: true });
    assert.deepEqual(inclusive.lines, [{ net: '100.00', discount: '10.00', tax: '17.10', gross: '107.10' }]);
    const exclusive = normalised([{ quantity: 4, unitPrice: '12.49', tax: '4.13', taxRate: '0.0825' }], { currency: 'USD', pricesIncludeTax: false });
    assert.deepEqual(exclusive.lines, [{ net: '49.96', discount: '0.00', tax: '4.13', gross: '54.09' }]);
  });

  it('works in currencies without cents or with thousandths', () => {
    const yen = normalised([{ quantity: 3, unitPrice: '1980', taxRate: '0.1' }], { currency: 'JPY', pricesIncludeTax: true, orderDiscount: '500' });
    assert.deepEqual(yen.totals, { subtotal: '5400', discountTotal: '455', taxTotal: '495', shippingTotal: '0', shippingTax: '0', grandTotal: '5440' });
    const dinar = normalised([{ quantity: 1, unitPrice: '12.750' }], { currency: 'KWD', pricesIncludeTax: false, shipping: { amount: '1.500' } });
    assert.equal(dinar.totals.grandTotal, '14.250');
  });

  it('rejects amounts that cannot be right, naming the field', () => {
    const options: NormaliseOptions = { currency: 'USD', pricesIncludeTax: false };
    const line = { quantity: 1, unitPrice: '24.50' };
    assert.deepEqual(failure([line, { ...line, quantity: 0 }], options), { code: 'MAPPING.INVALID_QUANTITY', path: 'lines[1].quantity', transient: false });
    assert.deepEqual(failure([{ ...line, unitPrice: '-24.50' }], options), { code: 'MAPPING.NEGATIVE_AMOUNT', path: 'lines[0].unitPrice', transient: false });
    assert.deepEqual(failure([{ ...line, unitPrice: 'twenty' }], options), { code: 'MAPPING.INVALID_AMOUNT', path: 'lines[0].unitPrice', transient: false });
    assert.deepEqual(failure([{ ...line, taxRate: '8.25' }], options), { code: 'MAPPING.INVALID_AMOUNT', path: 'lines[0].taxRate', transient: false });
    assert.deepEqual(failure([{ ...line, discount: '25.00' }], options), { code: 'MAPPING.INVALID_TOTALS', path: 'lines[0].discount', transient: false });
    assert.deepEqual(failure([line], { ...options, orderDiscount: '30.00' }), { code: 'MAPPING.INVALID_TOTALS', path: 'orderDiscount', transient: false });
    assert.deepEqual(failure([line], { ...options, pricesIncludeTax: true, shipping: { amount: '5.00', tax: '6.00' } }), { code: 'MAPPING.INVALID_TOTALS', path: 'shipping.tax', transient: false });
    assert.deepEqual(failure([line], { ...options, currency: 'US$' }), { code: 'MAPPING.UNKNOWN_CURRENCY', path: undefined, transient: false });
  });

  it('always adds up: grand total = subtotal − discounts + tax + shipping + shipping tax, to the minor unit', () => {
    const taxRate = fc.constantFrom('0', '0.05', '0.07', '0.0825', '0.0975', '0.1', '0.19', '0.2', '0.21', '0.25');
    const lineShape = fc.record({
      quantity: fc.oneof(fc.integer({ min: 1, max: 24 }), fc.constantFrom(0.5, 1.25, 2.5, 0.333)),
      priceUnits: fc.integer({ min: 0, max: 2_000_000 }),
      discountPercent: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })),
      taxRate: fc.option(taxRate, { nil: undefined }),
      statedTaxUnits: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    });
    const scenario = fc.record({
      currency: fc.constantFrom('USD', 'EUR', 'GBP', 'JPY', 'KWD'),
      pricesIncludeTax: fc.boolean(),
      lines: fc.array(lineShape, { minLength: 1, maxLength: 25 }),
      couponPercent: fc.integer({ min: 0, max: 100 }),
      shippingUnits: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
      shippingRate: fc.option(taxRate, { nil: undefined }),
    });

    fc.assert(
      fc.property(scenario, (s) => {
        const places = minorUnits(s.currency);
        const money = (value: Decimal.Value) => new Precise(value).toFixed(places, Decimal.ROUND_DOWN);
        const units = (count: number) => new Precise(count).div(new Precise(10).pow(places));
        const lines: LineAmountsInput[] = s.lines.map((shape) => {
          const amount = new Precise(shape.quantity).times(units(shape.priceUnits)).toDecimalPlaces(places);
          return {
            quantity: shape.quantity,
            unitPrice: units(shape.priceUnits).toFixed(),
            discount: money(amount.times(shape.discountPercent).div(100)),
            ...(shape.taxRate === undefined ? {} : { taxRate: shape.taxRate }),
            // A stated tax can only be arbitrary on top of the price; inside it, it is bounded by what is paid.
            ...(shape.statedTaxUnits === undefined || s.pricesIncludeTax ? {} : { tax: units(shape.statedTaxUnits).toFixed(places) }),
          };
        });
        const payableBeforeCoupon = lines.reduce((total, line) => total.plus(new Precise(line.quantity).times(line.unitPrice).toDecimalPlaces(places)).minus(line.discount ?? '0'), new Precise(0));
        const coupon = money(payableBeforeCoupon.times(s.couponPercent).div(100));
        const shipping = s.shippingUnits === undefined ? undefined : { amount: units(s.shippingUnits).toFixed(places), ...(s.shippingRate === undefined ? {} : { taxRate: s.shippingRate }) };
        const result = normaliseLineAmounts(lines, { currency: s.currency, pricesIncludeTax: s.pricesIncludeTax, orderDiscount: coupon, ...(shipping ? { shipping } : {}) });
        if (!result.ok) assert.fail(result.error.message);
        const { totals, lines: out } = result.value;

        const d = (value: string) => new Precise(value);
        const format = new RegExp(places === 0 ? '^-?\\d+$' : `^-?\\d+\\.\\d{${places}}$`);
        assert.ok([...Object.values(totals), ...out.flatMap((line) => Object.values(line))].every((amount) => format.test(amount)));
        assert.ok(d(totals.grandTotal).eq(d(totals.subtotal).minus(totals.discountTotal).plus(totals.taxTotal).plus(totals.shippingTotal).plus(totals.shippingTax)));
        for (const field of ['net', 'discount', 'tax'] as const) {
          const total = { net: totals.subtotal, discount: totals.discountTotal, tax: totals.taxTotal }[field];
          assert.ok(out.reduce((acc, line) => acc.plus(line[field]), new Precise(0)).eq(total), `${field} lines do not sum to the total`);
        }
        for (const line of out) {
          assert.ok(d(line.net).minus(line.discount).plus(line.tax).eq(line.gross));
          for (const field of ['net', 'discount', 'tax', 'gross'] as const) assert.ok(!d(line[field]).isNegative(), `negative ${field} ${line[field]}`);
          assert.ok(d(line.discount).lte(line.net), `discount ${line.discount} exceeds net ${line.net}`);
        }
        // What the customer was charged, before tax on top of it where prices exclude tax.
        const charged = payableBeforeCoupon.minus(coupon).plus(shipping?.amount ?? '0');
        const recomputed = s.pricesIncludeTax ? d(totals.grandTotal) : d(totals.grandTotal).minus(totals.taxTotal).minus(totals.shippingTax);
        assert.ok(recomputed.eq(charged), `grand total ${totals.grandTotal} does not match the ${charged.toFixed()} charged`);
      }),
      { numRuns: 400 },
    );
  });
});
