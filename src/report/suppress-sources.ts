import { labelCells, range, type CellRegistry } from './suppress-registry.js';
import type { Report } from './types.js';

/**
 * A combined report's table by source (SPEC §15), registered after the combined tables whose
 * cells it ties to. Each source's row is the cumulative table's 合計 row of that source (channels,
 * categories, outcomes each adding to its 合計; several 主訴 at least its 合計), and each column
 * adds up over the sources to the combined figure: the cumulative table's 合計 row, the gatherings,
 * handouts, people and support of the period. A reader knows too that a source's 新規 and 実人数 are
 * at most its consultations. Without these sums a hidden source cell could be had by subtraction.
 */
export function registerSources(registry: CellRegistry, report: Report): void {
  const sources = report.sources ?? [];
  if (sources.length === 0) return;
  const total = report.intake.total;
  /** A combined figure's cell, registered by the tables before; every one is. */
  const combined = (holder: object, key: string): number => {
    const cell = registry.cellOf(holder, key);
    if (cell === undefined) throw new Error(`the combined figure ${key} was not registered before the table by source`);
    return cell;
  };
  const labels = (counts: object): number[] => Object.keys(counts).map((label) => combined(counts, label));
  const combinedRow = [...labels(total.channel), combined(total, 'total'), ...labels(total.category), ...labels(total.outcome)];
  const c = Object.keys(total.channel).length;
  const k = Object.keys(total.category).length;
  const o = Object.keys(total.outcome).length;
  const multiple = report.intake.categoryMode === 'multiple';

  const rows = sources.map((source) => {
    const row = [
      ...labelCells(registry, source.channel),
      registry.field(source, 'total'),
      ...labelCells(registry, source.category),
      ...labelCells(registry, source.outcome),
    ];
    const pick = (columns: number[]): number[] => columns.map((i) => row[i]!);
    registry.sum(pick(range(0, c)), row[c]!);
    registry.sum(pick(range(c + 1, k)), row[c]!, multiple ? '>=' : undefined);
    registry.sum(pick(range(c + 1 + k, o)), row[c]!);
    return row;
  });
  combinedRow.forEach((cell, column) =>
    registry.sum(
      rows.map((row) => row[column]!),
      cell,
    ),
  );

  const byColumn = (cells: number[], cell: number): void => registry.sum(cells, cell);
  byColumn(
    sources.map((s) => registry.field(s.ibasho, 'sessions')),
    combined(report.ibasho, 'sessions'),
  );
  byColumn(
    sources.map((s) => registry.field(s.ibasho, 'participants')),
    combined(report.ibasho, 'participants'),
  );
  byColumn(
    sources.map((s) => registry.field(s.distribution, 'count')),
    combined(report.distribution, 'count'),
  );

  const people = report.intake.people?.total;
  if (people && sources.every((s) => s.people)) {
    const fresh = sources.map((s) => registry.field(s.people!, 'new'));
    byColumn(fresh, combined(people, 'new'));
    fresh.forEach((cell, i) => registry.sum([cell], rows[i]![c]!, '<='));
    if (sources.every((s) => s.people!.clients !== undefined)) {
      const clients = sources.map((s) => registry.field(s.people! as { clients: number | null }, 'clients'));
      byColumn(clients, combined(people, 'clients'));
      clients.forEach((cell, i) => registry.sum([cell], rows[i]![c]!, '<='));
    }
  }
  if (report.support && sources.every((s) => s.support)) {
    byColumn(
      sources.map((s) => registry.field(s.support!, 'total')),
      combined(report.support, 'total'),
    );
  }
}
