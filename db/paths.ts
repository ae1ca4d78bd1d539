import path from 'node:path';
import { existsSync } from 'node:fs';

/** The repository root, found from this file whether it runs from source or from dist/. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the dondoc folder (no package.json above ' + __dirname + ')');
    dir = up;
  }
  return dir;
}
