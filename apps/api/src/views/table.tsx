import type { ComponentChildren } from 'preact';

/** A table with a header row, or the "nothing here" line when there is no row. */
export function DataTable(props: { head: string[]; rows: ComponentChildren[][]; empty: string }) {
  if (props.rows.length === 0) return <p class="none">{props.empty}</p>;
  return (
    <table>
      <tr>
        {props.head.map((h) => (
          <th>{h}</th>
        ))}
      </tr>
      {props.rows.map((cells) => (
        <tr>
          {cells.map((c) => (
            <td>{c}</td>
          ))}
        </tr>
      ))}
    </table>
  );
}
