/** Months as whole numbers, so that windows and trends are plain arithmetic. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** YYYY-MM → months since year 0, or null when the text is not a month. */
export function monthIndex(period: string): number | null {
  const m = MONTH.exec(period);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

export const monthText = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The month of an ISO instant or date (UTC). */
export const monthOf = (iso: string): number => {
  const d = new Date(iso);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** A closed range of months, first and last included. */
export interface MonthWindow {
  from: string;
  to: string;
}

export function windowProblem(w: MonthWindow, field: string): { field: string; message: string } | null {
  const from = monthIndex(w.from);
  const to = monthIndex(w.to);
  if (from === null) return { field: `${field}.from`, message: `"${w.from}" is not a month (YYYY-MM)` };
  if (to === null) return { field: `${field}.to`, message: `"${w.to}" is not a month (YYYY-MM)` };
  if (to < from) return { field: `${field}.to`, message: 'must not be before from' };
  return null;
}

export const inWindow = (month: number, w: MonthWindow): boolean =>
  month >= monthIndex(w.from)! && month <= monthIndex(w.to)!;
