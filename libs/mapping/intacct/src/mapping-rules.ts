import { z } from 'zod';

/**
 * How canonical orders become Intacct sales documents for one company. Parse config with this at
 * start, so a bad rule stops the service instead of failing every order.
 */
export const intacctOrderMappingRulesSchema = z.object({
  /** Transaction definition name, e.g. "Sales Order"; company-specific. */
  transactionType: z.string().min(1),
  /** `order`: prefix + the order's customer id. `fixed`: every order to one account, e.g. "WEB-SALES". */
  customerId: z
    .object({ from: z.enum(['order', 'fixed']), fixedId: z.string().min(1).optional(), prefix: z.string().optional() })
    .refine((c) => c.from !== 'fixed' || c.fixedId !== undefined, { message: 'fixedId is required when from is "fixed"' }),
  warehouseId: z.string().min(1).optional(),
  /** The company's base currency; orders in another currency get `basecurr` set. */
  baseCurrency: z.string().regex(/^[A-Z]{3}$/),
  unit: z.string().min(1).optional(),
  /**
   * Clarity shipping method → Intacct ship method. Intacct refuses ship methods it does not know,
   * so a method missing from this table is left out rather than sent as-is.
   */
  shippingMethods: z.record(z.string(), z.string().min(1)).optional(),
});

export type IntacctOrderMappingRules = z.infer<typeof intacctOrderMappingRulesSchema>;
