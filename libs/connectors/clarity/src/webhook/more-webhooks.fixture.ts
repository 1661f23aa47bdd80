/** Payment, return and product webhooks as Clarity sends them, for order CL-10045. Tests only. */

export const paymentCapturedWebhook = () => ({
  id: 'evt_01JDQ6B1R4N7Q2W8E5T3Y9U0PA',
  type: 'payment.captured',
  createdAt: '2026-11-25T10:00:05Z',
  apiVersion: 'v1',
  data: {
    paymentId: 'pay_10045_1',
    orderId: '10045',
    orderNumber: 'CL-10045',
    customerId: 'cust-77',
    method: 'visa',
    gateway: 'stripe',
    transactionId: 'ch_3PqL8r2eZvKYlo2C1x9Wb0Tz',
    amount: 64.6,
    fee: '2.17',
    currency: 'USD',
    processedAt: '2026-11-25T10:00:03Z',
  },
});

export const returnCreatedWebhook = () => ({
  id: 'evt_01JDR2K8M3P6S9V1X4Z7B0C2DE',
  type: 'return.created',
  createdAt: '2026-11-28T15:30:00Z',
  apiVersion: 'v1',
  data: {
    returnId: 'ret_5012',
    returnNumber: 'RMA-5012',
    orderId: '10045',
    orderNumber: 'CL-10045',
    customerId: 'cust-77',
    currency: 'USD',
    createdAt: '2026-11-28T15:29:41Z',
    reason: 'arrived chipped',
    lines: [
      // one of two mugs: 19.99 − 1.00 discount share, tax 1.57
      { lineId: '1', sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: 18.99, tax: 1.57, restock: false },
      { lineId: '2', sku: 'TRB-TEA-EARL-100G', quantity: 1, unitPrice: '12.50', tax: '1.03' },
    ],
    shippingRefund: 0,
    // 18.99 + 12.50 + 1.57 + 1.03 + 0
    refundTotal: '34.09',
  },
});

export const productUpdatedWebhook = () => ({
  id: 'evt_01JDR9Q2W5E8R1T4Y7U0I3O6PA',
  type: 'product.updated',
  createdAt: '2026-11-25T08:00:01Z',
  apiVersion: 'v1',
  data: {
    sku: 'TRB-MUG-12OZ',
    name: 'Ceramic mug 12 oz',
    description: 'Stoneware, dishwasher safe, holds 12 oz (355 ml).',
    price: 19.99,
    currency: 'USD',
    status: 'active',
    modifiedAt: '2026-11-25T07:59:58Z',
  },
});
