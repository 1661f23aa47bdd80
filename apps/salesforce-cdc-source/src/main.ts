import { runService } from '@tributary/kafka-runtime';
import { createSalesforceCdcSource } from './salesforce-cdc-source.app.js';

await runService(() => createSalesforceCdcSource(process.env));
