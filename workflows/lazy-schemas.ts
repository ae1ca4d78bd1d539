// The domain's zod schemas as workflows reach them: evaluated in a workflow's sandbox the first time
// it validates something, not when the workflow is loaded. Every workflow has its own copy of the
// modules it loads, and building zod with the domain's schemas costs about 140 ms of CPU and 3 MB
// of heap: paid on every load, it was most of the cost of waking a workflow evicted from the cache
// for a timer, and of a cached one's memory. A task that only sleeps between reminders never needs it.
// (zod cannot be shared between workflows instead: the SDK freezes shared modules, and zod 4
// finishes building a schema when it is first used.)
import type * as Schemas from '../domain/schemas';
import type * as Commands from '../domain/commands';

let loaded: (typeof Schemas & typeof Commands) | undefined;

export function schemas(): typeof Schemas & typeof Commands {
  loaded ??= {
    ...(require('../domain/schemas') as typeof Schemas),
    ...(require('../domain/commands') as typeof Commands),
  };
  return loaded;
}
