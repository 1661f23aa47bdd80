import type { MappingConfig } from '@tributary/mapping-core';

/**
 * Every transaction definition an order may become in Intacct: the invoice types first (payments
 * and credit memos prefer them), then the mapping file's document rules, then the default.
 */
export const orderDocumentTypes = (mapping: MappingConfig, defaultType: string): string[] =>
  [...new Set([...mapping.invoiceTransactionTypes, ...mapping.salesDocuments.map((rule) => rule.intacctTransactionType), defaultType])];
