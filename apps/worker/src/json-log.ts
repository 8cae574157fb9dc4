import { DefaultLogger, type LogEntry } from '@temporalio/worker';

/**
 * Worker logs as JSON lines. The SDK puts the workflow id, run id, task queue and activity type
 * in each entry's metadata, so a line from a workflow or an activity says which one it is.
 */
export function jsonWorkerLogger(
  level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' = 'INFO',
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
) {
  return new DefaultLogger(level, (entry: LogEntry) => {
    const meta = Object.fromEntries(
      Object.entries(entry.meta ?? {}).map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
    );
    write(
      JSON.stringify({
        time: new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString(),
        level: entry.level.toLowerCase(),
        msg: entry.message,
        ...meta,
      }),
    );
  });
}
