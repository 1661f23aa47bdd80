import { z } from 'zod';

/**
 * The parts of the reply (external-apis §1.3) the client relies on. Anything else may vary and is
 * passed through untouched. Empty elements parse as "" and absent ones as undefined.
 */
const text = z.string().optional();

const errorSchema = z.object({
  errorno: z.string(),
  description: text,
  description2: text,
  correction: text,
});

/** `<errormessage/>` parses as "", a filled one as `{ error: [...] }`. */
export const errorMessageSchema = z.union([z.object({ error: z.array(errorSchema).default([]) }), z.literal('')]).optional();

const resultSchema = z.object({
  status: z.string(),
  function: z.string(),
  controlid: z.string(),
  key: text,
  data: z.unknown().optional(),
  errormessage: errorMessageSchema,
});

const authenticationSchema = z.object({
  status: z.string(),
  userid: text,
  companyid: text,
  locationid: text,
  sessiontimestamp: text,
  sessiontimeout: text,
});

export const responseSchema = z.object({
  response: z.object({
    control: z.object({
      status: z.string(),
      senderid: text,
      controlid: text,
      uniqueid: text,
      dtdversion: text,
    }),
    operation: z
      .object({
        authentication: authenticationSchema,
        result: z.array(resultSchema).default([]),
        errormessage: errorMessageSchema,
      })
      .optional(),
    errormessage: errorMessageSchema,
  }),
});

export type RawResponse = z.infer<typeof responseSchema>;

/** getAPISession's `<data><api>…</api></data>`; `api` repeats because every child of data is a list. */
export const apiSessionDataSchema = z.object({
  api: z.array(z.object({ sessionid: z.string().min(1), endpoint: z.string().min(1), locationid: text })).min(1),
});

/** A readByQuery/query `<data>`: count attributes plus one array of records under the object's tag. */
export const listDataSchema = z.union([z.record(z.string(), z.unknown()), z.literal('')]);

export const salesDocumentRowSchema = z.object({
  RECORDNO: z.string(),
  DOCID: z.string(),
  DOCNO: z.string().default(''),
  STATE: z.string().default(''),
  TOTAL: z.string().default(''),
  PONUMBER: z.string().default(''),
  PRRECORDKEY: z.string().default(''),
  DOCPARID: z.string().default(''),
  CURRENCY: z.string().default(''),
  WHENCREATED: z.string().default(''),
  WHENMODIFIED: z.string().default(''),
  CREATEDFROM: z.string().default(''),
  CUSTVENDID: z.string().default(''),
});

/** A SODOCUMENTENTRY row read for its document only (line counts). */
export const salesDocumentLineRowSchema = z.object({ DOCHDRID: z.string().min(1) });

/** `<customer>` in a CUSTOMER create reply. */
export const createdCustomerSchema = z.object({ RECORDNO: z.string().min(1), CUSTOMERID: z.string().min(1) });

/** `<contact>` in a CONTACT create reply; the CONTACTNAME echo is not relied on. */
export const createdContactSchema = z.object({ RECORDNO: z.string().min(1), CONTACTNAME: text });

/** A CONTACT row read for its key. */
export const contactRowSchema = z.object({ RECORDNO: z.string().min(1), CONTACTNAME: z.string() });

/** `<arpymt>` in an ARPYMT create reply. */
export const createdArPaymentSchema = z.object({ RECORDNO: z.string().min(1) });

/**
 * A CUSTOMER row. Dotted fields may come back flat (`<DISPLAYCONTACT.EMAIL1>`) or nested
 * (`<DISPLAYCONTACT><EMAIL1>`), so both are accepted.
 */
export const customerRowSchema = z.object({
  RECORDNO: z.string(),
  CUSTOMERID: z.string(),
  NAME: z.string().default(''),
  'DISPLAYCONTACT.EMAIL1': text,
  DISPLAYCONTACT: z.union([z.object({ EMAIL1: text }), z.literal('')]).optional(),
  CLARITY_ID: text,
});

export const arPaymentRowSchema = z.object({
  RECORDNO: z.string(),
  DOCNUMBER: z.string().default(''),
  CUSTOMERID: z.string().default(''),
  TRX_TOTALENTERED: text,
  TOTALENTERED: text,
});

/** Intacct's `mm/dd/yyyy HH:MM:SS`. */
export const US_DATE_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal');

/** An ITEMWAREHOUSEINFO row; empty QTYONORDER/QTYONHOLD mean "not reported". */
export const stockLevelRowSchema = z.object({
  RECORDNO: z.string().min(1),
  ITEMID: z.string().min(1),
  WAREHOUSEID: z.string().min(1),
  QTYONHAND: decimal,
  QTYONORDER: z.union([decimal, z.literal('')]).optional(),
  QTYONHOLD: z.union([decimal, z.literal('')]).optional(),
  WHENMODIFIED: z.string().regex(US_DATE_TIME, 'mm/dd/yyyy HH:MM:SS'),
});
