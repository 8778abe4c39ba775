import cliProgress from 'cli-progress';

/** Running counts of a batch command, shown on a terminal. */
export type ProgressCounts = Record<string, number>;

/**
 * A one-line progress display on stderr: records read, what became of them, and the rate. Shown only on a
 * terminal (never in a pipe or a log file) and not with --quiet; redrawn at most a few times a second.
 */
export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  /** When the first record was read: loading the coding data beforehand does not count against the rate. */
  private started: number | null = null;

  constructor(label: string, format: string, quiet = false, stream: NodeJS.WriteStream = process.stderr) {
    this.bar = quiet || !stream.isTTY ? null : new cliProgress.SingleBar({
      stream,
      format: `${label} {value} read | ${format} | {rate}/s`,
      hideCursor: true,
      fps: 5,
    });
  }

  start(counts: ProgressCounts): void {
    this.bar?.start(0, 0, { ...counts, rate: 0 });
  }

  update(read: number, counts: ProgressCounts): void {
    if (!this.bar) return;
    this.started ??= Date.now();
    const seconds = (Date.now() - this.started) / 1000;
    this.bar.setTotal(read);
    this.bar.update(read, { ...counts, rate: seconds > 0 ? Math.round(read / seconds) : 0 });
  }

  stop(): void {
    this.bar?.stop();
  }
}
