import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/load.js';
import { UserError } from './errors.js';
import { processIo, type Io } from './io.js';
import { useCachedWorkbook } from './workbook-cache.js';
import { messagesFor } from '../messages/index.js';
import { pickLang } from './options.js';

function withCommonOptions(command: Command): Command {
  return command
    .option('--config <file>', 'config file (default: ./tsup-report.config.json, else one beside the logs, else the built-in default)')
    .addOption(new Option('--lang <lang>', 'language of messages (default: from the system locale)').choices(['ja', 'en']))
    .option('--encoding <name>', 'force the CSV encoding: utf8, utf16le, cp932 (default: detected)')
    .option('--quiet', 'print nothing but the report or the problems');
}

function withReportOptions(command: Command): Command {
  return withCommonOptions(command)
    .option('--out <file>', 'write to this file (format from its extension: .md .csv .xlsx .json .html .txt)')
    .option('--format <format>', 'table | md | csv | xlsx | json | html (default: from --out, else table on a terminal, md when piped)')
    .option('--skip-invalid', 'leave rows with errors out instead of refusing, and say how many')
    .option('--suppress-below <n>', 'hide counts from 1 to n-1 as x, and the cells that would reveal them');
}

// Each command's module is imported when it runs, so that --help and a small validate load
// only what they use (exceljs, zod, cli-table3 stay unloaded unless needed).

/**
 * Wires the commands and turns their outcome into an exit code: 0 success, 1 problems in the
 * data, 2 usage or unreadable input. Known user errors print a message; anything else is a bug
 * and says so.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('tsup-report')
    .description('女性のためのつながり相談の記録（Excel/CSV）から月次累計・実績報告を作り、提出前に記録を検査します。')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  withCommonOptions(
    program
      .command('validate')
      .description('check logs and list every problem with its file, sheet, row and cell')
      .argument('<inputs...>', 'CSV/XLSX files or folders (read with their subfolders); - reads CSV from standard input')
      .addOption(new Option('--format <format>', 'text or json').default(undefined))
      .option('--strict', 'fail on warnings too')
      .option('--max-errors <n>', 'list at most this many problems (default: 200 in text, 1000 in JSON)', undefined)
      .option('--annotate <out.xlsx>', 'also write a copy of the inputs with every problem cell marked'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  tsup-report validate fixtures/takasaki-r3\n  tsup-report validate 2022-02.csv --format json\n  tsup-report validate 2022-02.xlsx --annotate 2022-02_検証.xlsx',
    )
    .action(async (inputs: string[], options) => {
      exitCode = await (await import('./validate.js')).validateCommand(inputs, options, io);
    });

  withReportOptions(
    program
      .command('monthly')
      .description('the cumulative consultation table of the fiscal year so far')
      .argument('<inputs...>', 'CSV/XLSX files or folders (read with their subfolders); - reads CSV from standard input')
      .option('--month <YYYY-MM>', 'last month of the table (default: the latest month with records)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  tsup-report monthly fixtures/takasaki-r3\n  tsup-report monthly logs/ --month 2022-02 --out 累計表.xlsx',
    )
    .action(async (inputs: string[], options) => {
      exitCode = await (await import('./monthly.js')).monthlyCommand(inputs, options, io);
    });

  withReportOptions(
    program
      .command('annual')
      .description('the achievement summary: targets, projected year end (見込), evaluation, all tables, summary sentences')
      .argument('<inputs...>', 'CSV/XLSX files or folders (read with their subfolders); - reads CSV from standard input')
      .option('--fiscal-year <year>', '2021, R3 or 令和3 (default: the year of the latest record)')
      .option('--as-of <YYYY-MM>', 'count up to this month and project the rest of the year'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  tsup-report annual fixtures/takasaki-r3 --out 実績報告.xlsx\n  tsup-report annual fixtures/takasaki-r3 --out 実績報告.html\n  tsup-report annual logs/ --fiscal-year R3 --as-of 2022-02 --format md',
    )
    .action(async (inputs: string[], options) => {
      exitCode = await (await import('./annual.js')).annualCommand(inputs, options, io);
    });

  withCommonOptions(
    program
      .command('template')
      .description('write a ready-to-fill workbook with dropdowns and checks from the config')
      .addOption(new Option('--kind <kind>', 'which log').choices(['intake', 'ibasho', 'distribution', 'all']).default('all'))
      .option('--out <file.xlsx>', 'the workbook to write (never overwritten)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  tsup-report template --out 相談記録_令和4年度.xlsx\n  tsup-report template --kind ibasho --out 居場所.xlsx',
    )
    .action(async (options) => {
      exitCode = await (await import('./template.js')).templateCommand(options, io);
    });

  program
    .command('app')
    .description('write the offline browser app (one HTML file, nothing to install) for PCs without Node')
    .option('--out <file.html>', 'where to write it (an older copy of the app is replaced, nothing else)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['ja', 'en']))
    .option('--quiet', 'print nothing')
    .addHelpText('after', '\nExample:\n  tsup-report app --out "//share/福祉/tsup-report.html"')
    .action(async (options) => {
      exitCode = await (await import('./app.js')).appCommand(options, io);
    });

  program
    .command('init')
    .description('write tsup-report.config.json from the built-in default, to edit (never overwrites)')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['ja', 'en']))
    .option('--quiet', 'print nothing')
    .addHelpText('after', '\nExample:\n  tsup-report init   # then edit program, labels and targets in tsup-report.config.json')
    .action(async (options) => {
      exitCode = await (await import('./init.js')).initCommand(options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (error instanceof UserError) {
      io.stderr.write(`${error.lines.join('\n')}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.lines.join('\n')}\n`);
      return 2;
    }
    const m = messagesForArgv(argv, io);
    io.stderr.write(`${m.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return 70;
  }
}

/** Messages for a failure outside any command's own handling: --lang read straight from the arguments. */
function messagesForArgv(argv: readonly string[], io: Io): ReturnType<typeof messagesFor> {
  return messagesFor(
    pickLang(
      argv.find((_, i) => argv[i - 1] === '--lang'),
      io,
    ),
  );
}

/** The installed command: run, let standard output drain, and exit with the command's code. */
export function runAsProcess(): void {
  const argv = process.argv.slice(2);
  let finished = false;
  // If everything went quiet while the command was still waiting, something it awaited can
  // never arrive; say so instead of ending silently with exit code 0.
  process.once('beforeExit', () => {
    if (finished) return;
    const m = messagesForArgv(argv, processIo());
    process.stderr.write(`${m.internalError('the command stopped waiting for input that never came')}\n`);
    process.exit(70);
  });
  useCachedWorkbook();
  void main(argv, processIo()).then((code) => {
    finished = true;
    process.stdout.write('', () => process.exit(code));
  });
}
