/** Horizontal bars as inline SVG: no script, no external asset, readable when printed. */
export function Bars(props: {
  rows: Array<{ label: string; value: number }>;
  max: number;
  unit?: string;
  empty: string;
}) {
  const { rows, max, unit } = props;
  if (rows.length === 0) return <p class="none">{props.empty}</p>;
  const height = 26 * rows.length + 8;
  return (
    <svg role="img" width="600" height={height} viewBox={`0 0 600 ${height}`}>
      {rows.map((r, i) => {
        const width = max <= 0 ? 0 : Math.max(0, Math.min(1, r.value / max)) * 300;
        return (
          <>
            <text x="0" y={22 + 26 * i}>
              {r.label}
            </text>
            <rect x="200" y={8 + 26 * i} width={width.toFixed(1)} height="18" rx="3"></rect>
            <text x={(206 + width).toFixed(1)} y={22 + 26 * i}>
              {unit ? `${r.value} ${unit}` : r.value}
            </text>
          </>
        );
      })}
    </svg>
  );
}
