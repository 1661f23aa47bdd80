/** One entry of Salesforce's REST error array (`errorCode`) or of a collection result (`statusCode`). */
export interface SalesforceErrorEntry {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** A failure that a REST route answers with an HTTP status and Salesforce's error array. */
export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }

  entry(): SalesforceErrorEntry {
    return { message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) };
  }

  /** The shape inside sObject collection results: `statusCode`, always with `fields`. */
  collectionEntry(): { statusCode: string; message: string; fields: string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export const requiredFieldMissing = (fields: string[]) =>
  new SalesforceError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields);

export const notFound = () => new SalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');

export const invalidField = (field: string, type: string) =>
  new SalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`, [field]);

export const fieldIntegrity = (message: string, fields: string[] = []) => new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', message, fields);

export const malformedQuery = (message: string) => new SalesforceError(400, 'MALFORMED_QUERY', message);
