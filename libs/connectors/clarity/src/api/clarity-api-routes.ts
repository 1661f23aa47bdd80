/**
 * Every call the client makes, as the OpenAPI document names it. The drift tests compare this
 * table with `openapi/clarity-api.v1.yaml` and with what the simulator answers.
 */
export const clarityApiRoutes = {
  token: { method: 'POST', path: '/oauth/token' },
  getOrder: { method: 'GET', path: '/api/v1/orders/{orderId}' },
  getCustomer: { method: 'GET', path: '/api/v1/customers/{customerId}' },
  getProduct: { method: 'GET', path: '/api/v1/products/{sku}' },
  getReturn: { method: 'GET', path: '/api/v1/returns/{returnId}' },
  getPayment: { method: 'GET', path: '/api/v1/payments/{paymentId}' },
  getShipment: { method: 'GET', path: '/api/v1/shipments/{shipmentId}' },
  putInventory: { method: 'PUT', path: '/api/v1/inventory' },
  createShipment: { method: 'POST', path: '/api/v1/shipments' },
  updateCustomer: { method: 'PATCH', path: '/api/v1/customers/{customerId}' },
  updateOrderStatus: { method: 'PATCH', path: '/api/v1/orders/{orderId}/status' },
} as const satisfies Record<string, { method: string; path: string }>;

export type ClarityApiOperation = keyof typeof clarityApiRoutes;

/** The path with its `{params}` filled in, each percent-encoded (a SKU may hold `/`). */
export const routePath = (template: string, params: Readonly<Record<string, string>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new RangeError(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
