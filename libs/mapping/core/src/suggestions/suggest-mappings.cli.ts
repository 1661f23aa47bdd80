import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { toDraftYaml } from './draft-yaml.js';
import { suggestFieldMappings } from './suggest-field-mappings.js';
import type { TargetField } from './target-field.schema.js';
import { parseTargetLines, parseTargetList, targetFileSchema } from './target-list.js';

/** The world the CLI touches, passed in so that tests need no files or processes. */
export interface CliIo {
  readonly exists: (path: string) => boolean;
  readonly readFile: (path: string) => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_BAD_FILE = 1;
export const EXIT_BAD_ARGUMENTS = 2;

const helpText = `
Targets are NAME, NAME:type or NAME:type:example, type one of string, number, date, boolean.
A --targets value that names a file is read instead: .json holds an array of names or of
{ "name", "type", "example" }; any other file holds one target per line (# starts a comment).

Examples:
  suggest-mappings --sample order.json --targets TOTAL:number,CUSTVENDID,WHENCREATED:date:11/24/2026,ITEMID
  suggest-mappings --sample order.json --targets intacct-sodocument.txt --out draft.yaml

Exit codes: 0 draft written, 1 a file could not be read, parsed or written, 2 bad arguments.`;

class CliFailure extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/** A list has commas or NAME:type parts; a lone word with a path or an extension is a file. */
const looksLikeFile = (value: string): boolean => !/[,:]/.test(value) && /[/\\]|\.(json|txt|csv|ya?ml)$/i.test(value);

const readText = (io: CliIo, path: string, what: string): string => {
  try {
    return io.readFile(path);
  } catch (error) {
    throw new CliFailure(`cannot read ${what} file ${path}: ${(error as Error).message}`, EXIT_BAD_FILE);
  }
};

const parseJson = (text: string, path: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${path} is not valid JSON: ${(error as Error).message}`, EXIT_BAD_FILE);
  }
};

const loadSample = (io: CliIo, path: string): Record<string, unknown> => {
  const sample = parseJson(readText(io, path, 'sample'), path);
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample)) {
    throw new CliFailure(`${path} must hold one JSON object (a sample message), found ${Array.isArray(sample) ? 'an array' : typeof sample}`, EXIT_BAD_FILE);
  }
  return sample as Record<string, unknown>;
};

const loadTargets = (io: CliIo, value: string): TargetField[] => {
  if (!io.exists(value)) {
    if (looksLikeFile(value)) throw new CliFailure(`targets file ${value} does not exist`, EXIT_BAD_FILE);
    const { targets, problems } = parseTargetList(value);
    if (problems.length > 0) throw new CliFailure(`--targets: ${problems.join('; ')}`, EXIT_BAD_ARGUMENTS);
    return targets;
  }
  const text = readText(io, value, 'targets');
  if (value.toLowerCase().endsWith('.json')) {
    const parsed = targetFileSchema.safeParse(parseJson(text, value));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
      throw new CliFailure(`${value} is not a list of targets: ${problems.join('; ')}`, EXIT_BAD_FILE);
    }
    return parsed.data;
  }
  const { targets, problems } = parseTargetLines(text);
  if (problems.length > 0) throw new CliFailure(`${value}: ${problems.join('; ')}`, EXIT_BAD_FILE);
  return targets;
};

const program = (io: CliIo) =>
  new Command('suggest-mappings')
    .description('Suggests which fields of a sample source message feed each target field, and writes a commented YAML draft for review.')
    .requiredOption('--sample <file>', 'a sample source message as JSON, e.g. a Clarity order')
    .requiredOption('--targets <list|file>', 'target fields: a comma list, or a file (see below)')
    .option('--out <file>', 'where to write the YAML draft (default: standard output)')
    .addHelpText('after', helpText)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export const runSuggestMappings = (argv: readonly string[], io: CliIo): number => {
  const command = program(io);
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_ARGUMENTS;
    throw error;
  }
  const options = command.opts<{ sample: string; targets: string; out?: string }>();
  try {
    const targets = loadTargets(io, options.targets);
    const sample = loadSample(io, options.sample);
    const suggestions = suggestFieldMappings(sample, targets);
    const draft = toDraftYaml(suggestions, { targets: targets.map((t) => t.name) });
    if (options.out === undefined) {
      io.stdout(draft);
    } else {
      try {
        io.writeFile(options.out, draft);
      } catch (error) {
        throw new CliFailure(`cannot write ${options.out}: ${(error as Error).message}`, EXIT_BAD_FILE);
      }
      const found = new Set(suggestions.map((s) => s.target)).size;
      io.stderr(`wrote ${options.out}: ${found} of ${targets.length} targets have a candidate\n`);
    }
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr(`error: ${error.message}\n`);
    return error.exitCode;
  }
};

export const nodeIo: CliIo = {
  exists: (path) => existsSync(path),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runSuggestMappings(process.argv.slice(2), nodeIo);
}
