import { runService } from '@tributary/kafka-runtime';
import { createIntacctSource } from './intacct-source.app.js';

await runService(() => createIntacctSource(process.env));
