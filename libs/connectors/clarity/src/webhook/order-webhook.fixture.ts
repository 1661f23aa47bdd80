/** The contract's example order webhook, as Clarity sends it (amounts as JSON numbers). Tests only. */
export const orderCreatedWebhook = () => ({
  id: 'evt_01JDQ4W7K3M9X2ZB5N8R6T0YCE',
  type: 'order.created',
  createdAt: '2026-11-25T10:00:00Z',
  apiVersion: 'v1',
  data: {
    orderId: '10045',
    orderNumber: 'CL-10045',
    customerId: 'cust-77',
    orderDate: '2026-11-25T09:59:58Z',
    status: 'pending',
    currency: 'USD',
    storeId: 'store-us-1',
    channel: 'web',
    customer: { email: 'jane.roe@example.com', firstName: 'Jane', lastName: 'Roe', company: null, phone: '+1 512 555 0142' },
    billingAddress: {
      name: 'Jane Roe', line1: '401 Congress Ave', line2: 'Suite 1540', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US',
    },
    shippingAddress: {
      name: 'Jane Roe', line1: '2110 S Lamar Blvd', line2: null, city: 'Austin', region: 'TX', postalCode: '78704', country: 'US',
    },
    lineItems: [
      { lineId: '1', sku: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz', quantity: 2, unitPrice: 19.99, discount: 2.0, tax: 3.14 },
      { lineId: '2', sku: 'TRB-TEA-EARL-100G', name: 'Earl Grey loose leaf 100 g', quantity: 1, unitPrice: '12.50', discount: 0, tax: '1.03' },
    ],
    shipping: { method: 'UPS Ground', amount: 9.95 },
    paymentInfo: { method: 'visa', transactionId: 'ch_3PqL8r2eZvKYlo2C1x9Wb0Tz', amount: 64.60, status: 'captured' },
    couponCode: 'SPRING10',
    totalAmount: 64.6,
  },
});
