import type { Output } from './io.js';

/** How long a run may take before a progress line appears, and how often it is redrawn. */
const QUIET_FOR_MS = 1000;
const REDRAW_MS = 250;

/**
 * A progress line on stderr for inputs that take more than about a second: only on a terminal,
 * never with --quiet, and erased when the work is done, so that stdout carries nothing but the
 * report and a redirected stderr gets no control characters.
 */
export class Progress {
  private file = '';
  private rows = 0;
  private drawn = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly started: number;

  constructor(
    private readonly stream: Output,
    enabled: boolean,
    private readonly label: (file: string, rows: number) => string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = this.now();
    if (enabled) {
      this.timer = setInterval(() => this.draw(), REDRAW_MS);
      this.timer.unref();
    }
  }

  /** Called for every row read; cheap, since drawing happens on the timer. */
  update = (file: string, rows: number): void => {
    this.file = file;
    this.rows = rows;
  };

  private draw(): void {
    if (this.now() - this.started < QUIET_FOR_MS || this.file === '') return;
    this.stream.write(`\r\x1b[K${this.label(this.file, this.rows)}`);
    this.drawn = true;
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}

/** Colour on a terminal, never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: Output, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}
