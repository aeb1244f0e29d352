/** The outside world as the commands see it; tests pass their own. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  /** A terminal's width in columns. */
  columns?: number;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: () => NodeJS.ReadableStream;
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: () => process.stdin,
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
  };
}

/** The terminal's width when printing to one, else COLUMNS, else the table's default (Windows' 120). */
export function terminalColumns(io: Io): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns) return io.stdout.columns;
  const columns = Number(io.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}
