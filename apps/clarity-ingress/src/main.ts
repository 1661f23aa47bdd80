import { runService } from '@tributary/kafka-runtime';
import { createClarityIngress } from './clarity-ingress.app.js';

await runService(() => createClarityIngress(process.env));
