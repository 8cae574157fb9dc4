import { cpus, totalmem } from 'node:os';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

export function markdownTable(rows: BenchRow[]): string {
  const lines = ['| measure | value |', '|---|---:|'];
  for (const r of rows) {
    const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(r.value < 10 ? 2 : 0);
    lines.push(`| ${r.name} | ${[value, r.unit].filter(Boolean).join(' ')} |`);
  }
  return lines.join('\n');
}
