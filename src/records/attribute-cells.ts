import type { CellValue } from '../read/types.js';
import { AttributeMatcher, attributeColumns, type AttributeSpec } from './attributes.js';
import type { AttributeColumn, TableLayout } from './header.js';
import type { CellProblem } from './types.js';

/** A row's labels when no attribute is configured: the seed's case, shared by every record. */
export const NO_LABELS: readonly number[] = Object.freeze([]);

/**
 * Reads a row's attribute cells (SPEC §14) into one label index per configured attribute (the
 * position in its table: attributeColumns). The answer for a combination of labels is made once
 * and shared by every row with that combination, so a million rows allocate nothing here; the
 * value typed is never kept nor put in a problem.
 */
export class AttributeCells {
  private readonly matchers: AttributeMatcher[];
  private readonly unknownIndex: number[];
  private readonly notWritten: number[];
  private readonly allowed: string[][];
  /** Mixed-radix place of each attribute in a combination's code, when there are few enough combinations to index. */
  private readonly strides: number[] | null;
  /** Each combination's labels by its code (sparse: only the combinations met). */
  private readonly combinations: (readonly number[] | undefined)[] = [];
  /** The columns of the layout last seen, by attribute (undefined where the table has none). */
  private layout: TableLayout | null = null;
  private columns: (AttributeColumn | undefined)[] = [];
  /** Columns of the last row whose value counted under the unknown label: said after the row is found sound. */
  private readonly typedUnknown: AttributeColumn[] = [];

  constructor(private readonly specs: readonly AttributeSpec[]) {
    this.matchers = specs.map((spec) => new AttributeMatcher(spec));
    this.unknownIndex = specs.map((spec) => spec.labels.length);
    this.notWritten = specs.map((spec) => attributeColumns(spec).length - 1);
    this.allowed = specs.map((spec) => spec.labels.map((item) => item.label));
    let place = 1;
    const strides = specs.map((spec) => {
      const stride = place;
      place *= attributeColumns(spec).length;
      return stride;
    });
    // Codes index an array: beyond a million combinations (a dozen attributes of many labels), each row gets its own.
    this.strides = place <= 1_000_000 ? strides : null;
  }

  /**
   * The row's label per attribute; a value no label matches is the unknown label (said by notes()),
   * or, for an attribute without one, an `unknown-value` error in `problems`, naming the column only.
   */
  read(layout: TableLayout, cells: readonly CellValue[], garbled: ReadonlySet<number> | null, problems: CellProblem[]): readonly number[] {
    if (this.specs.length === 0) return NO_LABELS;
    if (layout !== this.layout) {
      this.layout = layout;
      this.columns = this.specs.map((_, a) => layout.attributes.find((c) => c.attribute === a));
    }
    this.typedUnknown.length = 0;
    const labels = this.strides === null ? new Array<number>(this.specs.length) : null;
    let code = 0;
    for (let a = 0; a < this.specs.length; a++) {
      const label = this.labelOf(a, cells, garbled, problems);
      if (labels) labels[a] = label;
      else code += label * this.strides![a]!;
    }
    return labels ?? this.combination(code);
  }

  /** An `attribute-unknown` info for each value of the last row read that counted under its unknown label. */
  notes(problems: CellProblem[]): void {
    for (const { attribute, index, header } of this.typedUnknown) {
      problems.push({ code: 'attribute-unknown', index, header, detail: { column: header, label: this.specs[attribute]!.unknownLabel! } });
    }
  }

  private labelOf(a: number, cells: readonly CellValue[], garbled: ReadonlySet<number> | null, problems: CellProblem[]): number {
    const column = this.columns[a];
    // A garbled cell is an encoding-error of its own: the row is not counted.
    if (column === undefined || garbled?.has(column.index)) return this.notWritten[a]!;
    const match = this.matchers[a]!.match(cells[column.index]);
    switch (match.kind) {
      case 'label':
        return match.index;
      case 'unknown-label':
        if (match.typed) this.typedUnknown.push(column);
        return this.unknownIndex[a]!;
      case 'blank':
        return this.notWritten[a]!;
      case 'unknown': {
        const { index, header } = column;
        problems.push({ code: 'unknown-value', index, header, detail: { column: header, allowed: this.allowed[a]! } });
        return this.notWritten[a]!;
      }
    }
  }

  private combination(code: number): readonly number[] {
    let labels = this.combinations[code];
    if (labels === undefined) {
      labels = Object.freeze(this.strides!.map((stride, a) => Math.floor(code / stride) % attributeColumns(this.specs[a]!).length));
      this.combinations[code] = labels;
    }
    return labels;
  }
}
