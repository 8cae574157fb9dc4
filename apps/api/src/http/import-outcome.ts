/** What an all-or-nothing file import answers once its plan holds no error: the counts, and a sentence saying them. */
export function importOutcome(
  plan: { rows: number; create: unknown[]; update: unknown[]; unchanged: number },
  dryRun: boolean,
  nothingToChange: string,
) {
  const changed = plan.create.length + plan.update.length > 0;
  const [create, update] = dryRun ? ['would create', 'would update'] : ['created', 'updated'];
  return {
    dryRun,
    rows: plan.rows,
    created: plan.create.length,
    updated: plan.update.length,
    unchanged: plan.unchanged,
    changed,
    message: changed
      ? `${create} ${plan.create.length}, ${update} ${plan.update.length}, unchanged ${plan.unchanged}`
      : nothingToChange,
  };
}
