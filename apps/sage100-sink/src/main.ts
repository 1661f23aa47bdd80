import { runService } from '@tributary/kafka-runtime';
import { createSage100Sink } from './sage100-sink.app.js';

await runService(() => createSage100Sink(process.env));
