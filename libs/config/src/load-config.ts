import { z } from 'zod';

/** Start-up refused: the message names every bad variable and what was expected. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: ReadonlyArray<{ variable: string; expected: string; got: string | undefined }>) {
    super(
      'invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.expected} (got ${p.got === undefined ? 'nothing' : JSON.stringify(p.got)})`).join('\n'),
    );
  }
}

/**
 * Parses the environment once, at start, into a typed object. The schema's keys are the
 * environment variable names, so an error can always name the variable to fix.
 */
export const loadConfig = <S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(root)');
    return { variable, expected: issue.message, got: env[variable] };
  });
  throw new ConfigError(problems);
};
