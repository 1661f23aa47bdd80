export { startIntacctSimulator } from './start-simulator.js';
export type {
  FaultPlan,
  FaultRates,
  IntacctSimulator,
  IntacctSimulatorOptions,
  SimulatedUser,
  SimulatorStats,
  StoredSalesDocument,
  StoredSalesDocumentLine,
} from './simulator-types.js';
