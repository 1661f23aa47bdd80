import { runService } from '@tributary/kafka-runtime';
import { createInventoryProjector } from './inventory-projector.app.js';

await runService(() => createInventoryProjector(process.env));
