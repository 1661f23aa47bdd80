/** One `<error>` of an `<errormessage>`. */
export interface GatewayError {
  errorno: string;
  description: string;
  description2: string;
  correction: string;
}

export const gatewayError = (errorno: string, description: string, description2 = '', correction = ''): GatewayError => ({
  errorno,
  description,
  description2,
  correction,
});

/** Codes seen in Intacct's docs and SDK fixtures (external-apis §1.4). */
export const ErrorNo = {
  credentials: 'XL03000006',
  xmlParse: 'XL03000003',
  rolledBack: 'XL03000009',
  business: 'BL01001973',
  throttled: 'GW-0010',
  /**
   * SIMULATOR PLACEHOLDER. Intacct refuses a replayed function controlid under uniqueid=true,
   * but its real errorno and text are not public (external-apis §1.5). Clients must treat this
   * code as configuration, never as a fact about Intacct.
   */
  duplicateControlId: 'SIM-DUPCTRL',
  /** SIMULATOR PLACEHOLDER for functions the simulator does not implement. */
  unsupported: 'SIM-UNSUPPORTED',
} as const;

export const rolledBackError = gatewayError(
  ErrorNo.rolledBack,
  '',
  'The entire transaction in this operation has been rolled back due to an error.',
);

export const parseError = (detail: string) => gatewayError(ErrorNo.xmlParse, 'XML Parse schema error', detail);

/** Intacct's habit: the specific error, then a generic "could not create" line. */
export const businessErrors = (description: string, description2: string, correction = '', summary = 'Could not create Document record!'): GatewayError[] => [
  gatewayError(ErrorNo.business, description, description2, correction),
  gatewayError(ErrorNo.business, '', summary),
];
