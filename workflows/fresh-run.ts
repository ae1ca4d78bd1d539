// When a run hands over to a fresh one (continue-as-new): its history is long, the server
// suggests it, or a newer version of the workers should take it (the server says so from 1.30;
// the operator's `dondoc deployment current` says so on any server).
import { workflowInfo } from '@temporalio/workflow';

export function freshRunDue(maxEvents: number, moveRequested: boolean): boolean {
  const info = workflowInfo();
  return (
    info.continueAsNewSuggested ||
    info.historyLength >= maxEvents ||
    info.targetWorkerDeploymentVersionChanged ||
    moveRequested
  );
}
