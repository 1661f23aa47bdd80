import type { z } from 'zod';

export interface ValidationIssue {
  /** Where in the body, e.g. `data.lineItems[0].quantity`; `(root)` for the body itself. */
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const formatIssuePath = (path: readonly PropertyKey[]): string => {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text === '' ? '(root)' : text;
};

/** Issues in a form fit for a 400 response body: a path a person can find, and what was wrong. */
export const describeValidationIssues = (error: z.ZodError): ValidationIssue[] =>
  error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
