export { createIntacctSource } from './intacct-source.app.js';
export { stockFeed } from './stock-feed.js';
export { itemFeed } from './item-feed.js';
export { documentFeed } from './document-feed.js';
