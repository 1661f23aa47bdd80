import { runService } from '@tributary/kafka-runtime';
import { createClarityEgress } from './clarity-egress.app.js';

await runService(() => createClarityEgress(process.env));
