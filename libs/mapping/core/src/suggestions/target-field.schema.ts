import { z } from 'zod';

/** A field of the target record (e.g. Intacct SODOCUMENT) that needs a source. */
export const targetFieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'date', 'boolean']).optional(),
  /** a value as the target system shows it, e.g. "11/25/2026" for WHENCREATED */
  example: z.string().optional(),
});

export type TargetField = z.infer<typeof targetFieldSchema>;
