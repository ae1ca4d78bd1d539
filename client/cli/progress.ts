// A progress bar for work that takes a while (large launches and imports). It is drawn on the
// progress stream only when that is a terminal, so pipes, logs and --json output stay clean.
import { SingleBar } from 'cli-progress';
import type { CliIo } from './io';

export interface Progress {
  update(done: number, total?: number): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

export function progressBar(io: CliIo, label: string, total: number): Progress {
  const stream = io.progressStream;
  if (!stream?.isTTY) return silent;
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {value}/{total}`,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(total, 0);
  return {
    update: (done, newTotal) => {
      if (newTotal !== undefined && newTotal !== bar.getTotal()) bar.setTotal(newTotal);
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
