/**
 * A progress line on a terminal (a bar when the total is known, a spinner otherwise); plain
 * start/done lines when the output is not a terminal, so logs stay readable.
 */
export function progress(label: string, total?: number) {
  const tty = process.stderr.isTTY === true;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let done = 0;
  const draw = () => {
    if (!tty) return;
    const text =
      total === undefined
        ? `${frames[frame++ % frames.length]} ${label}`
        : `${label} [${'█'.repeat(Math.round((done / total) * 30)).padEnd(30, '░')}] ${done}/${total}`;
    process.stderr.write(`\r${text}\u001b[K`);
  };
  if (!tty) process.stderr.write(`${label}…\n`);
  const timer = setInterval(draw, 100);
  draw();
  return {
    tick(n = 1) {
      done += n;
      draw();
    },
    stop(message: string) {
      clearInterval(timer);
      process.stderr.write(tty ? `\r${message}\u001b[K\n` : `${message}\n`);
    },
  };
}
