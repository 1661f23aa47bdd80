import { runService } from '@tributary/kafka-runtime';
import { createIntacctSink } from './intacct-sink.app.js';

await runService(() => createIntacctSink(process.env));
