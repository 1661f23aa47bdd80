import { runService } from '@tributary/kafka-runtime';
import { createSalesforceSink } from './salesforce-sink.app.js';

await runService(() => createSalesforceSink(process.env));
