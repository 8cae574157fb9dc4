/** What the HTML pages (reports, pilot evaluation, dashboard) share: escaping and inline charts. */
export const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Horizontal bars as inline SVG: no script, no external asset, readable when printed. */
export function svgBars(
  rows: Array<{ label: string; value: number }>,
  max: number,
  options: { unit?: string; empty: string },
): string {
  if (rows.length === 0) return `<p class="none">${esc(options.empty)}</p>`;
  const height = 26 * rows.length + 8;
  const items = rows
    .map((r, i) => {
      const width = max <= 0 ? 0 : Math.max(0, Math.min(1, r.value / max)) * 300;
      const value = options.unit ? `${esc(r.value)} ${esc(options.unit)}` : esc(r.value);
      return `<text x="0" y="${22 + 26 * i}">${esc(r.label)}</text><rect x="200" y="${8 + 26 * i}" width="${width.toFixed(1)}" height="18" rx="3"></rect><text x="${(206 + width).toFixed(1)}" y="${22 + 26 * i}">${value}</text>`;
    })
    .join('');
  return `<svg role="img" width="600" height="${height}" viewBox="0 0 600 ${height}">${items}</svg>`;
}
