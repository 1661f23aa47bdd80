import jsonata from 'jsonata';
import { z } from 'zod';
import { IntegrationError } from '@tributary/core';

/**
 * A JSONata expression from a mapping file, compiled once when the file is loaded, so a syntax
 * error stops start-up with the file and path instead of failing on the first order.
 */
export interface CompiledRule {
  readonly source: string;
  evaluate(input: unknown): Promise<unknown>;
}

export const compileRule = (source: string): CompiledRule => {
  const expression = jsonata(source);
  return { source, evaluate: (input) => expression.evaluate(input) as Promise<unknown> };
};

/** zod type for a JSONata expression: validated by compiling it. */
export const jsonataExpression = z.string().min(1).transform((source, ctx) => {
  try {
    return compileRule(source);
  } catch (error) {
    const detail = error as { message?: string; position?: number };
    ctx.addIssue({ code: 'custom', message: `expected a JSONata expression: ${detail.message ?? String(error)}${detail.position !== undefined ? ` at character ${detail.position}` : ''}` });
    return z.NEVER;
  }
});

/**
 * A condition holds when JSONata yields true (anything else, including no match, is false).
 * A rule that throws on this order is a permanent mapping error naming the rule.
 */
export const holds = async (rule: CompiledRule, input: unknown, ruleName = rule.source): Promise<boolean> => {
  try {
    return (await rule.evaluate(input)) === true;
  } catch (error) {
    const message = (error as { message?: string }).message ?? String(error);
    throw IntegrationError.permanent('MAPPING.RULE_FAILED', `rule "${ruleName}" (${rule.source}) failed on this order: ${message}`, { rule: ruleName });
  }
};
