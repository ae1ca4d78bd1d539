// A worker on a namespace without dondoc's search attributes would fail every workflow task that
// sets them. It checks first and refuses to start, saying the exact command that adds them.
import type { NativeConnection } from '@temporalio/worker';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

export class NamespaceNotReady extends Error {}

const GRPC_NOT_FOUND = 5;

/** The `temporal` command that registers the given `Name=Type` search attributes. */
export function searchAttributeCreateCommand(
  address: string,
  namespace: string,
  attributes: readonly string[],
): string {
  const names = attributes.map((a) => a.split('=')).map(([name, type]) => `--name ${name} --type ${type}`);
  return `temporal operator search-attribute create --address ${address} --namespace ${namespace} ${names.join(' ')}`;
}

/** Throws NamespaceNotReady when the namespace is missing or lacks some of dondoc's search attributes. */
export async function checkNamespace(connection: NativeConnection, address: string, namespace: string): Promise<void> {
  let known: Set<string>;
  try {
    const res = await connection.operatorService.listSearchAttributes({ namespace });
    known = new Set([...Object.keys(res.customAttributes ?? {}), ...Object.keys(res.systemAttributes ?? {})]);
  } catch (err) {
    if ((err as { code?: number }).code !== GRPC_NOT_FOUND) throw err;
    throw new NamespaceNotReady(
      `dondoc: the Temporal namespace "${namespace}" does not exist on ${address}. Create it and add dondoc's search attributes:\n` +
        `  temporal operator namespace create --address ${address} --namespace ${namespace}\n` +
        `  ${searchAttributeCreateCommand(address, namespace, SEARCH_ATTRIBUTES)}`,
    );
  }
  const missing = SEARCH_ATTRIBUTES.filter((a) => !known.has(a.split('=')[0]));
  if (missing.length === 0) return;
  throw new NamespaceNotReady(
    `dondoc: the Temporal namespace "${namespace}" on ${address} lacks the search attributes ${missing.map((a) => a.split('=')[0]).join(', ')}, ` +
      `which dondoc's workflows set. Add them (once per namespace), then start the worker again:\n` +
      `  ${searchAttributeCreateCommand(address, namespace, missing)}`,
  );
}
