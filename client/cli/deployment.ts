// `dondoc deployment status|ramp|current`: moving new work from one version of the workers to the
// next (Worker Versioning). Runs already started stay on the version they began on; long ones
// move to the current version at their next continue-as-new, so an old version drains by itself.
import type { Config } from '../../config';
import { deploymentStatus, moveRunsToCurrent, setCurrentVersion, setRampingVersion } from '../../worker/deployment';
import { printJson, UsageError, withTemporal, type CliIo } from './io';

const versionOf = (config: Config, buildId: string) => {
  if (!/^[A-Za-z0-9][A-Za-z0-9.+_-]{0,99}$/.test(buildId))
    throw new UsageError(`BUILD_ID: "${buildId}" is not a build id (letters, digits, ".", "+", "_" or "-")`);
  return { deploymentName: config.WORKER_DEPLOYMENT_NAME, buildId };
};

export async function deploymentStatusCommand(io: CliIo, config: Config, o: { json?: boolean }): Promise<void> {
  const status = await withTemporal(config, (client) => deploymentStatus(client, config.WORKER_DEPLOYMENT_NAME));
  if (o.json) return printJson(io, status);
  io.out(`${config.WORKER_DEPLOYMENT_NAME}: new work goes to ${status.current ?? '(no current version)'}`);
  io.out(status.ramping ? `, ${status.ramping.percentage}% to ${status.ramping.buildId}\n` : '\n');
  for (const v of status.versions)
    io.out(`  ${v.buildId.padEnd(32)} ${v.status}${v.drainage ? ` (${v.drainage})` : ''}\n`);
}

export async function deploymentRampCommand(
  io: CliIo,
  config: Config,
  buildId: string,
  percent: string,
): Promise<void> {
  const share = Number(percent);
  if (!Number.isFinite(share) || share < 0 || share > 100)
    throw new UsageError(`PERCENT: expected 0 to 100, got "${percent}"`);
  const version = versionOf(config, buildId);
  await withTemporal(config, (client) => setRampingVersion(client, version, share));
  io.out(`${share}% of new work now goes to ${buildId}; the rest to the current version.\n`);
}

export async function deploymentCurrentCommand(io: CliIo, config: Config, buildId: string): Promise<void> {
  const version = versionOf(config, buildId);
  const moved = await withTemporal(config, async (client) => {
    await setCurrentVersion(client, version);
    return moveRunsToCurrent(client, version);
  });
  io.out(
    `New work now goes to ${buildId}; ${moved} running workflow${moved === 1 ? '' : 's'} on older versions were asked to move to it at their next step. Stop the old workers once \`dondoc deployment status\` shows them drained.\n`,
  );
}
