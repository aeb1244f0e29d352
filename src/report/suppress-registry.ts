import type { Equation } from './suppress.js';
import type { AttributeTable, LabelCounts, PeopleFigures, SupportFigures } from './types.js';

/** Collects a report's published counts as cells, with setters that hide them, and the sums and bounds that tie them. */
export class CellRegistry {
  readonly values: number[] = [];
  readonly setters: (() => void)[] = [];
  readonly equations: Equation[] = [];
  /** The cell of each count registered by `field`, by the object holding it and its key. */
  private readonly fields = new WeakMap<object, Map<string, number>>();

  add(value: number | null, hide: () => void): number {
    this.values.push(value ?? 0);
    this.setters.push(hide);
    return this.values.length - 1;
  }

  /** A count held in a property of the report: hiding it sets the property to null. */
  field<K extends string>(holder: Record<K, number | null>, key: K): number {
    const cell = this.add(holder[key], () => {
      holder[key] = null;
    });
    const held = this.fields.get(holder) ?? new Map<string, number>();
    this.fields.set(holder, held.set(key, cell));
    return cell;
  }

  /** The cell a count of the report was registered as, if it was: a later table ties its sums to it. */
  cellOf(holder: object, key: string): number | undefined {
    return this.fields.get(holder)?.get(key);
  }

  sum(parts: number[], total: number, relation?: Equation['relation']): void {
    this.equations.push(relation ? { parts, total, relation } : { parts, total });
  }

  /** A table of rows (months, then the total row) by columns, with each row's groups adding to its total column. */
  table(rows: number[][], rowGroups: { parts: number[]; total: number }[]): void {
    const totalRow = rows[rows.length - 1]!;
    for (const row of rows) {
      for (const group of rowGroups)
        this.sum(
          group.parts.map((i) => row[i]!),
          row[group.total]!,
        );
    }
    for (let column = 0; column < totalRow.length; column++) {
      this.sum(
        rows.slice(0, -1).map((row) => row[column]!),
        totalRow[column]!,
      );
    }
  }
}

export function labelCells(registry: CellRegistry, counts: LabelCounts): number[] {
  return Object.keys(counts).map((label) => registry.field(counts, label));
}

export function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** The cells of the cumulative table's 合計 column: each month's consultations, and the period's. */
export interface IntakeTotals {
  months: Map<string, number>;
  period: number;
}

/**
 * 相談者数（実人数）. 新規 and ID未記入 add up over the months; 実人数 does not (a person of two
 * months is one person in the period), but a reader knows it lies between the largest month and
 * the months' sum. Each row is bounded by its consultations: 新規 ≤ 延べ, and 実人数 + ID未記入 ≤ 延べ
 * (a person is at least one consultation) — so that, say, 延べ 10 with 実人数 9 shown cannot give
 * away a hidden ID未記入 of 1.
 */
export function registerPeople(registry: CellRegistry, people: PeopleFigures, totals: IntakeTotals): void {
  const withIds = people.total.clients !== null;
  const rowCells = (row: PeopleFigures['total'], total: number | undefined) => {
    const cells = {
      visit: registry.field(row, 'new'),
      clients: withIds ? registry.field(row, 'clients') : null,
      without: withIds ? registry.field(row, 'withoutId') : null,
    };
    if (total !== undefined) {
      registry.sum([cells.visit], total, '<=');
      if (cells.clients !== null && cells.without !== null) registry.sum([cells.clients, cells.without], total, '<=');
    }
    return cells;
  };
  const months = people.months.map((row) => rowCells(row, totals.months.get(row.month)));
  const period = rowCells(people.total, totals.period);
  registry.sum(
    months.map((m) => m.visit),
    period.visit,
  );
  if (period.clients === null || period.without === null) return;
  registry.sum(
    months.map((m) => m.without!),
    period.without,
  );
  for (const month of months) registry.sum([month.clients!], period.clients, '<=');
  registry.sum(
    months.map((m) => m.clients!),
    period.clients,
    '>=',
  );
}

/** An attribute's table: every row's labels add up to that row's consultations, every label's months to its period count. */
export function registerAttribute(registry: CellRegistry, attribute: AttributeTable, totals: IntakeTotals): void {
  const months = attribute.months.map((m) => ({ cells: labelCells(registry, m.counts), total: totals.months.get(m.month) }));
  const period = labelCells(registry, attribute.total);
  for (const row of [...months, { cells: period, total: totals.period }]) {
    if (row.total !== undefined) registry.sum(row.cells, row.total);
  }
  period.forEach((cell, column) =>
    registry.sum(
      months.map((m) => m.cells[column]!),
      cell,
    ),
  );
}

/** 支援記録: months × type and agencies × type, both ending in the same period row by type. */
export function registerSupport(registry: CellRegistry, support: SupportFigures): void {
  const types = Object.keys(support.type).length;
  const totalRow = [...labelCells(registry, support.type), registry.field(support, 'total')];
  const rowGroups = [{ parts: range(0, types), total: types }];
  const monthRows = support.months.map((m) => [...labelCells(registry, m.type), registry.field(m, 'total')]);
  registry.table([...monthRows, totalRow], rowGroups);
  if (support.byAgency.length > 0) {
    const agencyRows = support.byAgency.map((a) => [...labelCells(registry, a.type), registry.field(a, 'total')]);
    registry.table([...agencyRows, totalRow], rowGroups);
  }
}
