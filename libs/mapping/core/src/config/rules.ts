import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { holds } from './jsonata-rule.js';
import type { DimensionRule, EntityRoute, MappingConfig, PaymentMethodMapping, SalesDocumentRule } from './mapping-config.schema.js';

/** The transaction definition of the first rule whose condition holds, if any. */
export const salesDocumentType = async (rules: readonly SalesDocumentRule[], order: unknown): Promise<{ transactionType: string; rule: string } | undefined> => {
  for (const rule of rules) if (await holds(rule.when, order, rule.name)) return { transactionType: rule.intacctTransactionType, rule: rule.name };
  return undefined;
};

export type Dimensions = Partial<Record<keyof DimensionRule['set'], string>>;

/** Each dimension takes its value from the first rule, in file order, whose condition holds. */
export const resolveDimensions = async (rules: readonly DimensionRule[], order: unknown): Promise<{ dimensions: Dimensions; matched: string[] }> => {
  const dimensions: Dimensions = {};
  const matched: string[] = [];
  for (const rule of rules) {
    if (!(await holds(rule.when, order, rule.name))) continue;
    matched.push(rule.name);
    for (const [field, value] of Object.entries(rule.set) as Array<[keyof Dimensions, string | undefined]>) {
      if (value !== undefined && dimensions[field] === undefined) dimensions[field] = value;
    }
  }
  return { dimensions, matched };
};

/** The first route whose condition holds decides the entity; otherwise the company default. */
export const routeEntity = async (config: MappingConfig, order: unknown): Promise<{ intacctEntity?: string; sage100Company?: string; route: string }> => {
  for (const route of config.entityRouting as EntityRoute[]) {
    if (await holds(route.when, order, route.name)) {
      return { ...(route.intacctEntity ? { intacctEntity: route.intacctEntity } : {}), ...(route.sage100Company ? { sage100Company: route.sage100Company } : {}), route: route.name };
    }
  }
  return {
    ...(config.company.defaultIntacctEntity ? { intacctEntity: config.company.defaultIntacctEntity } : {}),
    ...(config.company.defaultSage100Company ? { sage100Company: config.company.defaultSage100Company } : {}),
    route: 'default',
  };
};

/** Payment method (case-insensitive) → accounts; an unmapped method is a permanent mapping error. */
export const paymentMapping = (config: MappingConfig, method: string): Result<PaymentMethodMapping, IntegrationError> => {
  const key = method.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const mapping = config.paymentMethods[key];
  return mapping
    ? ok(mapping)
    : err(IntegrationError.permanent('MAPPING.UNMAPPED_PAYMENT_METHOD', `payment method "${method}" has no GL account in the mapping file (known: ${Object.keys(config.paymentMethods).join(', ')})`, { method }));
};

type ClarityStatus = 'pending' | 'processing' | 'shipped' | 'cancelled';

/** Clarity status → the target system's status, and back (first Clarity status that maps to it). */
export const statusMap = (config: MappingConfig, system: keyof MappingConfig['statusMaps']) => ({
  toTarget: (status: string): string | undefined => (config.statusMaps[system] as Record<string, string | undefined>)[status],
  toClarity: (target: string): ClarityStatus | undefined =>
    (Object.entries(config.statusMaps[system]) as Array<[ClarityStatus, string]>).find(([, value]) => value === target)?.[0],
});
