// Worker Versioning: which deployment version this worker is, and how the office moves new work
// from one version to the next (ramp, then make current) while runs already started stay on the
// version they began on. Long runs move over at their next continue-as-new.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { moveToCurrentVersionSignal } from '../workflows/messages';
import type { WorkerDeploymentOptions } from '@temporalio/worker';
import type { Config } from '../config';
import { projectRoot } from '../db/paths';

export interface DeploymentVersion {
  deploymentName: string;
  buildId: string;
}

/** The commit the code was built from: written by `npm run build`, or read from git in a checkout. */
function commit(): string | undefined {
  const info = path.join(projectRoot(), 'dist', 'build-info.json');
  if (existsSync(info)) return (JSON.parse(readFileSync(info, 'utf8')) as { commit?: string }).commit;
  return gitCommit();
}

/** The checkout's commit, when there is one (not in a Docker image). */
export function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: projectRoot(),
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/** The version this worker runs as: WORKER_BUILD_ID, or the package version and the commit. */
export function deploymentVersion(
  config: Pick<Config, 'WORKER_DEPLOYMENT_NAME' | 'WORKER_BUILD_ID'>,
): DeploymentVersion {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
  const buildId = config.WORKER_BUILD_ID ?? [pkg.version, commit()].filter(Boolean).join('+');
  return { deploymentName: config.WORKER_DEPLOYMENT_NAME, buildId };
}

/** Worker options: every workflow pinned to the version it started on. */
export function workerDeploymentOptions(
  config: Pick<Config, 'WORKER_VERSIONING' | 'WORKER_DEPLOYMENT_NAME' | 'WORKER_BUILD_ID'>,
): WorkerDeploymentOptions | undefined {
  if (config.WORKER_VERSIONING !== 'true') return undefined;
  return { useWorkerVersioning: true, version: deploymentVersion(config), defaultVersioningBehavior: 'PINNED' };
}

export interface DeploymentStatus {
  current?: string;
  ramping?: { buildId: string; percentage: number };
  versions: { buildId: string; status: string; drainage?: string }[];
}

const statusName = (s: unknown) =>
  String(s ?? '')
    .replace(/^WORKER_DEPLOYMENT_VERSION_STATUS_/, '')
    .toLowerCase();

/** Where a deployment's new work goes, and what each of its versions is doing. */
export async function deploymentStatus(client: Client, name: string): Promise<DeploymentStatus> {
  const { workerDeploymentInfo: info } = await client.workflowService.describeWorkerDeployment({
    namespace: client.options.namespace,
    deploymentName: name,
  });
  const routing = info?.routingConfig;
  return {
    current: routing?.currentDeploymentVersion?.buildId ?? undefined,
    ramping: routing?.rampingDeploymentVersion?.buildId
      ? { buildId: routing.rampingDeploymentVersion.buildId, percentage: routing.rampingVersionPercentage ?? 0 }
      : undefined,
    versions: (info?.versionSummaries ?? []).map((v) => ({
      buildId: v.deploymentVersion?.buildId ?? '',
      status: statusName(v.status),
      drainage: v.drainageInfo?.status
        ? statusName(v.drainageInfo.status).replace(/^version_drainage_status_/, '')
        : undefined,
    })),
  };
}

/** Sends new workflows to this version from now on. */
export async function setCurrentVersion(
  client: Client,
  v: DeploymentVersion,
  o: { allowNoPollers?: boolean } = {},
): Promise<void> {
  await client.workflowService.setWorkerDeploymentCurrentVersion({
    namespace: client.options.namespace,
    deploymentName: v.deploymentName,
    buildId: v.buildId,
    allowNoPollers: o.allowNoPollers ?? false,
    identity: 'dondoc',
  });
}

/**
 * Asks every running dondoc workflow pinned to another build to move to the current one: each
 * continues as new at its next step, on the current version. (A server from 1.30 tells runs
 * itself; on older ones this is how an old version drains.) Answers how many were asked.
 */
export async function moveRunsToCurrent(client: Client, current: DeploymentVersion): Promise<number> {
  let moved = 0;
  const query = `ExecutionStatus = 'Running' AND (WorkflowType = 'taskWorkflow' OR WorkflowType = 'directiveWorkflow')`;
  for await (const run of client.workflow.list({ query })) {
    // A list does not say which version a run is pinned to on every server; its description does.
    const handle = client.workflow.getHandle(run.workflowId, run.runId);
    const described = await handle.describe().catch(() => undefined);
    const pinned = described?.raw.workflowExecutionInfo?.versioningInfo?.deploymentVersion;
    if (!pinned?.buildId || pinned.deploymentName !== current.deploymentName || pinned.buildId === current.buildId)
      continue;
    await handle.signal(moveToCurrentVersionSignal).then(
      () => (moved += 1),
      // Closed since it was listed: nothing to move.
      (err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      },
    );
  }
  return moved;
}

/** Sends this share of new workflows to a version being tried, the rest to the current one. */
export async function setRampingVersion(client: Client, v: DeploymentVersion, percentage: number): Promise<void> {
  await client.workflowService.setWorkerDeploymentRampingVersion({
    namespace: client.options.namespace,
    deploymentName: v.deploymentName,
    buildId: v.buildId,
    percentage,
    identity: 'dondoc',
  });
}
