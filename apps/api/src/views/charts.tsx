/**
 * Charts drawn on the server as SVG: no script, no asset, printable, readable without colour
 * (every bar carries its value as text). Each chart has a title for screen readers and a caption.
 */

const CHAR_PX = 7;
const labelWidth = (labels: string[]) => Math.min(320, Math.max(80, ...labels.map((l) => l.length * CHAR_PX + 12)));

export interface BarRow {
  label: string;
  value: number;
  /** Shown after the bar instead of the value. */
  text?: string;
  /** A second, lighter bar under the first (e.g. the baseline). */
  before?: number;
  /** A red tick: the target. */
  target?: number;
}

/** Horizontal bars, each row scaled to `max` (or to its own largest figure with `perRowScale`). */
export function Bars(props: { title: string; rows: BarRow[]; max?: number; perRowScale?: boolean; empty: string }) {
  const { rows } = props;
  if (rows.length === 0) return <p class="none">{props.empty}</p>;
  const left = labelWidth(rows.map((r) => r.label));
  const span = 300;
  const width = left + span + 150;
  const height = 30 * rows.length + 8;
  const globalMax = props.max ?? Math.max(1e-9, ...rows.flatMap((r) => [r.value, r.before ?? 0, r.target ?? 0]));
  return (
    <svg role="img" aria-label={props.title} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{props.title}</title>
      {rows.map((r, i) => {
        const max = props.perRowScale
          ? Math.max(1e-9, Math.abs(r.value), Math.abs(r.before ?? 0), Math.abs(r.target ?? 0))
          : globalMax;
        const w = (v: number) => (Math.max(0, Math.min(1, v / max)) * span).toFixed(1);
        const y = 6 + 30 * i;
        return (
          <g>
            <text x="0" y={y + 15}>
              {r.label}
            </text>
            {r.before === undefined ? null : (
              <rect class="bar2" x={left} y={y + 13} width={w(r.before)} height="8" rx="2"></rect>
            )}
            <rect
              class="bar"
              x={left}
              y={y + 2}
              width={w(r.value)}
              height={r.before === undefined ? 18 : 10}
              rx="2"
            ></rect>
            {r.target === undefined ? null : (
              <line
                class="target"
                x1={left + Number(w(r.target))}
                x2={left + Number(w(r.target))}
                y1={y}
                y2={y + 24}
              ></line>
            )}
            <text x={left + span + 8} y={y + 15}>
              {r.text ?? String(r.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A line over time (e.g. sessions per week), with its points labelled. */
export function Line(props: { title: string; points: Array<{ label: string; value: number }>; empty: string }) {
  const { points } = props;
  if (points.length === 0) return <p class="none">{props.empty}</p>;
  const width = 640;
  const height = 180;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => 40 + (points.length === 1 ? 0 : (i * (width - 80)) / (points.length - 1));
  const y = (v: number) => height - 30 - (v / max) * (height - 60);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={props.title} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{props.title}</title>
      <line class="grid" x1="40" x2={width - 40} y1={height - 30} y2={height - 30}></line>
      <path class="line" d={path}></path>
      {points.map((p, i) => (
        <g>
          <circle class="dot" cx={x(i).toFixed(1)} cy={y(p.value).toFixed(1)} r="3"></circle>
          <text x={x(i).toFixed(1)} y={(y(p.value) - 8).toFixed(1)} text-anchor="middle">
            {p.value}
          </text>
          <text x={x(i).toFixed(1)} y={height - 12} text-anchor="middle">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
