export { createInventoryProjector } from './inventory-projector.app.js';
export { Projector, type ProjectorDeps, type ProjectorTopics, type ProjectorCodecs } from './projector.js';
export { applyAdjustment, applyOrder, applyShipment, applyReturn, publishIfChanged, levelFigures, reservedBySku, type InventoryStore } from './inventory-fold.js';
export { applyCustomer, applyCustomerXref, beats, type Masters } from './customer-profile-fold.js';
export { inventoryRules, shipFromRule } from './inventory-rules.js';
export { changelogTopic } from './changelog.js';
export { quantity, formatQuantity } from './quantity.js';
