import { parseCli, usage } from './cli-args.js';
import { runCli } from './cli.js';

const command = parseCli(process.argv.slice(2), process.env);
if (command.kind === 'help') {
  process.stdout.write(usage);
} else if (command.kind === 'error') {
  process.stderr.write(`${command.message}\n\n${usage}`);
  process.exitCode = 2;
} else {
  process.exitCode = await runCli(command.options, (line) => process.stdout.write(`${line}\n`));
}
