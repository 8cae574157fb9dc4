import type { DataSource } from 'typeorm';
import { measureKey, outcomeKey, type OutcomeMeasure } from '../../../domain/src/index.js';

const CHUNK = 1000;

export interface MeasureSummary {
  measure: string;
  people: number;
  values: number;
  from: string;
  to: string;
  sources: string[];
}

/** The one reader and writer of `outcome_measures`. */
export class OutcomeMeasureQueries {
  constructor(private readonly db: DataSource) {}

  /** Stored values of the sources a file names, by outcomeKey: what an import compares itself with. */
  async existing(sources: string[]): Promise<Map<string, number>> {
    if (sources.length === 0) return new Map();
    const rows: Array<{ source: string; employee_id: string; measure_key: string; period: string; value: number }> =
      await this.db.query(
        `SELECT source, employee_id, measure_key, period, value FROM outcome_measures WHERE source = ANY($1)`,
        [sources],
      );
    return new Map(
      rows.map((r) => [
        outcomeKey({ source: r.source, employeeId: r.employee_id, measure: r.measure_key, period: r.period }),
        r.value,
      ]),
    );
  }

  /** Writes a planned import in one transaction: all rows or none; a row already there takes the new value. */
  async apply(rows: OutcomeMeasure[], importedBy: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const params: unknown[] = [];
        const tuples = rows.slice(start, start + CHUNK).map((m) => {
          params.push(m.source, m.employeeId, measureKey(m.measure), m.measure, m.period, m.value, importedBy);
          const n = params.length;
          return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
        });
        await tx.query(
          `INSERT INTO outcome_measures (source, employee_id, measure_key, measure, period, value, imported_by)
           VALUES ${tuples.join(', ')}
           ON CONFLICT (source, employee_id, measure_key, period)
           DO UPDATE SET value = EXCLUDED.value, measure = EXCLUDED.measure, imported_by = EXCLUDED.imported_by, imported_at = now()`,
          params,
        );
      }
    });
  }

  /** Every value of one measure, any source (the estimate averages two sources for the same month). */
  async forMeasure(measure: string): Promise<OutcomeMeasure[]> {
    const rows: Array<{ source: string; employee_id: string; measure: string; period: string; value: number }> =
      await this.db.query(
        `SELECT source, employee_id, measure, period, value FROM outcome_measures WHERE measure_key = $1`,
        [measureKey(measure)],
      );
    return rows.map((r) => ({
      source: r.source,
      employeeId: r.employee_id,
      measure: r.measure,
      period: r.period,
      value: r.value,
    }));
  }

  /** The measures there are figures of, with how many people and months. */
  async summaries(): Promise<MeasureSummary[]> {
    const rows: Array<{
      measure: string;
      people: number;
      values: number;
      first: string;
      last: string;
      sources: string[];
    }> = await this.db.query(
      `SELECT min(measure) AS measure, count(DISTINCT employee_id)::int AS people, count(*)::int AS values,
                min(period) AS first, max(period) AS last, array_agg(DISTINCT source ORDER BY source) AS sources
         FROM outcome_measures GROUP BY measure_key ORDER BY measure_key`,
    );
    return rows.map((r) => ({
      measure: r.measure,
      people: r.people,
      values: r.values,
      from: r.first,
      to: r.last,
      sources: r.sources,
    }));
  }

  /** The last month any measure has a figure for, or null. */
  async lastMonth(measure: string): Promise<string | null> {
    const [row]: Array<{ last: string | null }> = await this.db.query(
      `SELECT max(period) AS last FROM outcome_measures WHERE measure_key = $1`,
      [measureKey(measure)],
    );
    return row?.last ?? null;
  }
}
