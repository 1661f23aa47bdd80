/** Headers Clarity sends with every webhook, lower-cased as Node exposes them. */
export const clarityHeaders = {
  signature: 'x-clarity-signature',
  event: 'x-clarity-event',
  eventId: 'x-clarity-event-id',
  deliveryId: 'x-clarity-delivery-id',
} as const;
