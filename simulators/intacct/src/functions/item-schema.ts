import { checkKnownOrder } from '../gateway/schema-sequence.js';
import type { XmlElement } from '../xml/xml-reader.js';

/** Element order of ITEM (external-apis §1.11, the SDK's order), with RECORDNO as an alternative key first. */
const ITEM_ORDER = [
  'RECORDNO', 'ITEMID', 'NAME', 'ITEMTYPE', 'STATUS', 'PRODUCTLINEID', 'COST_METHOD', 'EXTENDED_DESCRIPTION', 'PODESCRIPTION', 'SODESCRIPTION',
  'UOMGRP', 'NOTE', 'SHIP_WEIGHT', 'GLGROUP', 'STANDARD_COST', 'BASEPRICE', 'TAXABLE', 'TAXGROUP', 'UPC',
];

/** The first ITEM element out of order, if any. */
export const itemSchemaError = (item: XmlElement): string | undefined => checkKnownOrder(item, ITEM_ORDER);
