/**
 * A mistake the user can fix (bad option, bad input, refused report). The CLI prints its lines
 * without a stack trace and exits with its code: 1 for problems in the data, 2 for usage or
 * unreadable input.
 */
export class UserError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}
