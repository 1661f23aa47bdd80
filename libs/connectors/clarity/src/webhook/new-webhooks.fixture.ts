/** Customer, inventory and shipment webhooks as Clarity sends them, for order CL-10045. Tests only. */

export const customerUpdatedWebhook = () => ({
  id: 'evt_01JDS1A2B3C4D5E6F7G8H9J0KA',
  type: 'customer.updated',
  createdAt: '2026-11-26T09:15:02Z',
  apiVersion: 'v1',
  data: {
    customerId: 'cust-77',
    email: 'maria.alvarez@lonestar-outfitters.com',
    firstName: 'María',
    lastName: 'Álvarez',
    company: 'Lone Star Outfitters LLC',
    phone: '+1 512 555 0148',
    billingAddress: { name: 'Accounts Payable', line1: '600 Congress Avenue', line2: 'Suite 1400', city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' },
    shippingAddress: { name: 'Receiving dock 3', line1: '4101 Industrial Oaks Blvd', line2: null, city: 'Austin', region: 'TX', postalCode: '78735', country: 'us' },
    marketingOptIn: true,
    modifiedAt: '2026-11-26T09:15:00Z',
    version: 7,
    changedFields: ['phone', 'shippingAddress'],
    updatedBy: 'user:maria.alvarez',
  },
});

export const inventoryChangedWebhook = () => ({
  id: 'evt_01JDS2K4M6P8R0T2V4X6Z8B0DA',
  type: 'inventory.changed',
  createdAt: '2026-11-26T11:02:01Z',
  apiVersion: 'v1',
  data: { sku: 'TRB-MUG-12OZ', locationId: 'AUS-01', onHand: 142, onOrder: '48', onHold: 6, modifiedAt: '2026-11-26T11:02:00Z' },
});

export const shipmentCreatedWebhook = () => ({
  id: 'evt_01JDS3Q5S7U9W1Y3A5C7E9G1HA',
  type: 'shipment.created',
  createdAt: '2026-11-26T15:40:03Z',
  apiVersion: 'v1',
  data: {
    shipmentId: 'shp_20877',
    orderId: '10045',
    orderNumber: 'CL-10045',
    carrier: 'UPS',
    service: 'Ground',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    shippedAt: '2026-11-26T15:38:00Z',
    warehouseId: 'AUS-01',
    status: 'shipped',
    lines: [
      { lineId: '1', sku: 'TRB-MUG-12OZ', quantity: 2 },
      { lineId: '2', sku: 'TRB-TEA-EARL-100G', quantity: '3' },
    ],
  },
});
