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
