import { runService } from '@tributary/kafka-runtime';
import { createSage100Source } from './sage100-source.app.js';

await runService(() => createSage100Source(process.env));
