export { createSage100Source } from './sage100-source.app.js';
export { shipmentFeed } from './shipment-feed.js';
export { stockFeed } from './stock-feed.js';
export { orderFeed } from './order-feed.js';
