/** A Clarity `order.created` payload as the store sends it (test data for the suggestions). */
export const clarityOrderSample = {
  orderId: '10482',
  orderNumber: 'CL-10482',
  customerId: 'cust-48213',
  orderDate: '2026-11-24T15:42:08Z',
  status: 'processing',
  currency: 'USD',
  storeId: 'store-us-1',
  channel: 'web',
  customer: { email: 'maria.okafor@example.com', firstName: 'Maria', lastName: 'Okafor', company: 'Okafor Roasters LLC', phone: '+1 503 555 0147' },
  billingAddress: { name: 'Maria Okafor', line1: '1420 NW Lovejoy St', line2: 'Suite 300', city: 'Portland', region: 'OR', postalCode: '97209', country: 'US' },
  shippingAddress: { name: 'Okafor Roasters', line1: '88 SE Water Ave', line2: null, city: 'Portland', region: 'OR', postalCode: '97214', country: 'US' },
  lineItems: [
    { lineId: '1', sku: 'TRB-GRINDER-BURR', name: 'Burr grinder, 40 settings', quantity: 1, unitPrice: '189.00', discount: '0.00', tax: '15.12' },
    { lineId: '2', sku: 'TRB-BEANS-ETH-1KG', name: 'Ethiopia Yirgacheffe beans 1 kg', quantity: 3, unitPrice: '31.90', discount: '9.57', tax: '6.89' },
    { lineId: '3', sku: 'TRB-FILTER-V60-100', name: 'Paper filters, 100 pcs', quantity: 2, unitPrice: '4.95', discount: '0.00', tax: '0.79' },
  ],
  shipping: { method: 'UPS Ground', amount: '12.50' },
  paymentInfo: { method: 'visa', transactionId: 'ch_3PqL9x2eZvKYlo2C1a8f', amount: '361.23', status: 'captured' },
  couponCode: 'WELCOME10',
  totalAmount: '361.23',
};

/** Intacct SODOCUMENT header and line fields, with examples as Intacct shows them. */
export const intacctSalesOrderTargets = [
  { name: 'TOTAL', type: 'number', example: '361.23' },
  { name: 'CUSTVENDID', type: 'string', example: 'C-1042' },
  { name: 'WHENCREATED', type: 'date', example: '11/24/2026' },
  { name: 'ITEMID', type: 'string', example: 'GRD-BURR-40' },
  { name: 'QUANTITY', type: 'number', example: '2' },
  { name: 'PRICE', type: 'number', example: '31.90' },
  { name: 'CURRENCY', type: 'string', example: 'USD' },
  { name: 'PONUMBER', type: 'string', example: 'CL-10482' },
  { name: 'MESSAGE', type: 'string' },
] as const;
