import { CommanderError, Option, type Command } from 'commander';
import { ConfigError } from '../config/load.js';
import { SUPPRESSION_SYMBOLS } from '../config/lists.js';
import { messagesFor, type Messages } from '../messages/index.js';
import { UserError } from './errors.js';
import { langFromArgv, localizedProgram, localizeUsage, withExamples } from './help.js';
import { processIo, type Io } from './io.js';
import { useCachedWorkbook } from './workbook-cache.js';

/** --suppress-symbol: one of a few symbols, refused by commander otherwise with the choices listed (exit 2). */
function symbolOption(m: Messages): Option {
  return new Option(`--suppress-symbol <${m.help.placeholder.symbol}>`, m.help.option.suppressSymbol).choices(SUPPRESSION_SYMBOLS);
}

function langOption(m: Messages): Option {
  return new Option(`--lang <${m.help.placeholder.lang}>`, m.help.option.lang).choices(['ja', 'en']);
}

/** --lang and --quiet: what every command has. */
function withLangOptions(command: Command, m: Messages, quiet: 'quiet' | 'quietAll'): Command {
  return command.addOption(langOption(m)).option('--quiet', m.help.option[quiet]);
}

/** --config, --lang and --quiet: what every command that reads a config shares (template reads no logs, so no --encoding). */
function withConfigOptions(command: Command, m: Messages, quiet: 'quiet' | 'quietAll' = 'quiet'): Command {
  return withLangOptions(command.option(`--config <${m.help.placeholder.file}>`, m.help.option.config), m, quiet);
}

/** What every command that reads logs adds: --encoding. */
function withReadOptions(command: Command, m: Messages): Command {
  return withConfigOptions(command, m).option(`--encoding <${m.help.placeholder.encoding}>`, m.help.option.encoding);
}

function withReportOptions(command: Command, m: Messages): Command {
  const { option: o, placeholder: p } = m.help;
  return withReadOptions(command, m)
    .option(`--out <${p.file}>`, o.reportOut)
    .option(`--format <${p.format}>`, o.reportFormat)
    .option('--skip-invalid', o.skipInvalid)
    .option(`--suppress-below <${p.n}>`, o.suppressBelow)
    .addOption(symbolOption(m))
    .option(`--month <${p.month}>`, o.month)
    .option(`--as-of <${p.month}>`, o.asOf)
    .option(`--compare <${p.file}>`, o.compare);
}

// Each command's module is imported when it runs, so that --help and a small validate load
// only what they use (exceljs, zod, cli-table3 stay unloaded unless needed).

/**
 * Wires the commands and turns their outcome into an exit code: 0 success, 1 problems in the
 * data, 2 usage or unreadable input. Known user errors print a message; anything else is a bug
 * and says so. The language is chosen first, so that commander's help and errors speak it too.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const m = messagesFor(langFromArgv(argv, io));
  const { command: c, option: o, placeholder: p, inputs } = m.help;
  const inputsArgument = `<${m.help.usage.inputs}...>`;
  let exitCode = 0;
  const program = localizedProgram(m, io).addOption(langOption(m));
  // `tsup-report --lang en monthly …` means the same as `tsup-report monthly … --lang en`.
  program.hook('preAction', (_, command) => {
    const lang = program.opts<{ lang?: string }>().lang;
    if (lang !== undefined && command.opts<{ lang?: string }>().lang === undefined) command.setOptionValue('lang', lang);
  });

  withExamples(
    withReadOptions(program.command('validate').description(c.validate).argument(inputsArgument, inputs), m)
      .option(`--format <${p.format}>`, o.validateFormat)
      .option('--strict', o.strict)
      .option(`--max-errors <${p.n}>`, o.maxErrors)
      .option(`--annotate <${p.file}>`, o.annotate),
    'validate',
    m,
  ).action(async (inputs: string[], options) => {
    exitCode = await (await import('./validate.js')).validateCommand(inputs, options, io);
  });

  withExamples(
    withReportOptions(program.command('monthly').description(c.monthly).argument(inputsArgument, inputs), m).option(
      `--since <${p.file}>`,
      o.since,
    ),
    'monthly',
    m,
  ).action(async (inputs: string[], options) => {
    exitCode = await (await import('./monthly.js')).monthlyCommand(inputs, options, io);
  });

  withExamples(
    withReportOptions(program.command('annual').description(c.annual).argument(inputsArgument, inputs), m)
      .option(`--fiscal-year <${p.year}>`, o.fiscalYear)
      .option(`--years <${p.n}>`, o.years),
    'annual',
    m,
  ).action(async (inputs: string[], options) => {
    exitCode = await (await import('./annual.js')).annualCommand(inputs, options, io);
  });

  withExamples(
    withReadOptions(
      program
        .command('fill')
        .description(c.fill)
        .argument(`<${m.fill.formArgument}>`, m.fill.formArgumentHelp)
        .argument(inputsArgument, inputs),
      m,
    )
      .option(`--map <${p.file}>`, o.fillMap)
      .option(`--out <${p.file}>`, o.fillOut)
      .option('--skip-invalid', o.skipInvalid)
      .option(`--suppress-below <${p.n}>`, o.suppressBelow)
      .addOption(symbolOption(m))
      .option(`--month <${p.month}>`, o.month)
      .option(`--as-of <${p.month}>`, o.asOf)
      .option(`--fiscal-year <${p.year}>`, o.fiscalYear),
    'fill',
    m,
  ).action(async (form: string, inputs: string[], options) => {
    exitCode = await (await import('./fill.js')).fillCommand(form, inputs, options, io);
  });

  withExamples(
    withLangOptions(
      program
        .command('combine')
        .description(c.combine)
        .argument(`<${m.combine.argument}...>`, m.combine.argumentHelp)
        .option(`--out <${p.file}>`, o.reportOut)
        .option(`--format <${p.format}>`, o.reportFormat)
        .option(`--suppress-below <${p.n}>`, o.suppressBelow)
        .addOption(symbolOption(m))
        .option(`--organization <${m.combine.placeholder}>`, m.combine.option.organization)
        .option(`--config <${p.file}>`, m.combine.option.config),
      m,
      'quiet',
    ),
    'combine',
    m,
  ).action(async (reports: string[], options) => {
    exitCode = await (await import('./combine.js')).combineCommand(reports, options, io);
  });

  withExamples(
    withConfigOptions(program.command('template').description(c.template), m, 'quietAll')
      .addOption(new Option(`--kind <${p.kind}>`, o.kind).choices(['intake', 'ibasho', 'distribution', 'support', 'all']).default('all'))
      .option(`--out <${p.file}>`, o.templateOut),
    'template',
    m,
  ).action(async (options) => {
    exitCode = await (await import('./template.js')).templateCommand(options, io);
  });

  withExamples(
    withLangOptions(program.command('app').description(c.app).option(`--out <${p.file}>`, o.appOut), m, 'quietAll'),
    'app',
    m,
  ).action(async (options) => {
    exitCode = await (await import('./app.js')).appCommand(options, io);
  });

  withExamples(
    withLangOptions(program.command('init').description(c.init).option(`--out <${p.file}>`, o.initOut), m, 'quietAll'),
    'init',
    m,
  ).action(async (options) => {
    exitCode = await (await import('./init.js')).initCommand(options, io);
  });

  localizeUsage(program, m);
  try {
    // `help montly` would show the main help as if nothing were wrong: it is the typo it is, with its "did you mean".
    const helpFor = argv[0] === 'help' ? argv[1] : undefined;
    const askedAbout = helpFor !== undefined && !helpFor.startsWith('-') && !program.commands.some((c) => c.name() === helpFor);
    await program.parseAsync(askedAbout ? argv.slice(1) : [...argv], { from: 'user' });
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
    io.stderr.write(`${m.internalError(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return 70;
  }
}

/** The installed command: run, let standard output drain, and exit with the command's code. */
export function runAsProcess(): void {
  const argv = process.argv.slice(2);
  let finished = false;
  // If everything went quiet while the command was still waiting, something it awaited can
  // never arrive; say so instead of ending silently with exit code 0.
  process.once('beforeExit', () => {
    if (finished) return;
    const m = messagesFor(langFromArgv(argv, processIo()));
    process.stderr.write(`${m.internalError('the command stopped waiting for input that never came')}\n`);
    process.exit(70);
  });
  useCachedWorkbook();
  void main(argv, processIo()).then((code) => {
    finished = true;
    process.stdout.write('', () => process.exit(code));
  });
}
