export { startIntacctSimulator } from './start-simulator.js';
export type {
  FaultPlan,
  FaultRates,
  IntacctSimulator,
  IntacctSimulatorOptions,
  SimulatedUser,
  SimulatorStats,
  StoredArInvoice,
  StoredArPayment,
  StoredArPaymentDetail,
  StoredCustomer,
  StoredMailAddress,
  StoredSalesDocument,
  StoredSalesDocumentLine,
  StoredStock,
} from './simulator-types.js';
