import { z } from 'zod';
import type { SeedRequest, ShipRequest } from '../simulator-types.js';

const company = z.string().min(1).max(3).optional();
const itemType = z.enum(['1', '2', '3', '4', '5']);

export const seedSchema = z.strictObject({
  customers: z.array(z.strictObject({
    company, ARDivisionNo: z.string().min(1).max(2), CustomerNo: z.string().min(1).max(20), CustomerName: z.string().min(1).max(30),
    EmailAddress: z.string().max(250).optional(), ZipCode: z.string().max(10).optional(), AddressLine1: z.string().max(30).optional(),
    City: z.string().max(20).optional(), State: z.string().max(2).optional(), CountryCode: z.string().max(3).optional(),
    TelephoneNo: z.string().max(17).optional(), TermsCode: z.string().max(2).optional(), TaxSchedule: z.string().max(9).optional(),
    CreditLimit: z.number().min(0).optional(), CurrentBalance: z.number().optional(), CreditHold: z.enum(['Y', 'N']).optional(),
  })).optional(),
  items: z.array(z.strictObject({
    company, ItemCode: z.string().min(1).max(30), ItemType: itemType, description: z.string(), StandardUnitPrice: z.number().min(0).optional(),
    InactiveItem: z.enum(['Y', 'N']).optional(),
    warehouses: z.array(z.strictObject({ WarehouseCode: z.string().min(1).max(3), QuantityOnHand: z.number() })),
  })).optional(),
  paymentTypes: z.array(z.strictObject({
    company, PaymentType: z.string().min(1).max(5), PaymentDesc: z.string().max(30),
    PaymentMethod: z.enum(['C', 'O', 'R', 'D']).optional(), DefaultTransaction: z.enum(['D', 'P']).optional(),
  })).optional(),
}) satisfies z.ZodType<SeedRequest>;

export const shipSchema = z.strictObject({
  company,
  SalesOrderNo: z.string().min(1).max(7),
  ShipVia: z.string().optional(),
  TrackingIDs: z.array(z.string().min(1)),
  lines: z
    .array(
      z
        .strictObject({ LineKey: z.string().min(1).max(6).optional(), ItemCode: z.string().min(1).max(30).optional(), QuantityShipped: z.number().positive() })
        .refine((line) => (line.LineKey === undefined) !== (line.ItemCode === undefined), 'give LineKey or ItemCode, not both'),
    )
    .optional(),
}) satisfies z.ZodType<ShipRequest>;

export const lockSchema = z.strictObject({ company, record: z.enum(['SalesOrder', 'Customer']), key: z.string().min(1) });

export const quantitySchema = z.strictObject({ company, ItemCode: z.string().min(1).max(30), WarehouseCode: z.string().min(1).max(3), QuantityOnHand: z.number() });

export const offlineSchema = z.strictObject({ mode: z.enum(['unavailable', 'refuse']).default('unavailable'), forMs: z.number().int().positive().optional() });
