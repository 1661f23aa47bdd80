import { z } from 'zod';
import { commonEnvSchema } from '@tributary/config';
import { intacctEnvSchema } from '@tributary/connectors-intacct';

/** What the operator CLI needs: the same Kafka and Intacct settings as the services. */
export const cliEnvSchema = commonEnvSchema.extend(intacctEnvSchema.shape);
export type CliConfig = z.infer<typeof cliEnvSchema>;
