import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { IntegrationError, err, ok, type Result } from '@tributary/core';
import { mappingConfigSchema, type MappingConfig } from './mapping-config.schema.js';

export interface ConfigProblem { readonly file: string; readonly path: string; readonly expected: string }

/** Renders problems the way a person fixes them: file, path inside it, what was expected. */
export const describeConfigProblems = (problems: readonly ConfigProblem[]): string =>
  problems.map((p) => `${p.file}: ${p.path || '(top level)'}: ${p.expected}`).join('\n');

/** Parses and validates one mapping file's text; `file` is only used in messages. */
export const parseMappingConfig = (text: string, file: string): Result<MappingConfig, ConfigProblem[]> => {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    return err(document.errors.map((e) => ({ file, path: `line ${e.linePos?.[0]?.line ?? '?'}`, expected: `valid YAML (${e.code}: ${e.message.split('\n')[0]})` })));
  }
  const parsed = mappingConfigSchema.safeParse(document.toJS());
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => ({
    file,
    path: issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join(''),
    expected: issue.message,
  })));
};

/** Loads a mapping file at start-up; a wrong file stops the service with a clear reason. */
export const loadMappingConfig = (file: string): MappingConfig => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw IntegrationError.permanent('CONFIG.UNREADABLE', `${file}: cannot be read (${(error as Error).message})`, { file });
  }
  const result = parseMappingConfig(text, file);
  if (!result.ok) throw IntegrationError.permanent('CONFIG.INVALID', `invalid mapping file\n${describeConfigProblems(result.error)}`, { file, problems: result.error });
  return result.value;
};
