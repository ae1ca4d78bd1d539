/** The task queue of the bare Temporal baselines (bench/baseline-workflows.ts). */
export const BARE_QUEUE = 'bench-bare';
