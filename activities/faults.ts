// Fault points for the reliability tests: with DONDOC_FAULT naming a point, the process kills
// itself there, as a power cut or an OOM kill would. Unset in every real deployment.
export type FaultPoint = 'after-smtp-send';

export function faultPoint(name: FaultPoint): void {
  if (process.env.DONDOC_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
