// Lets a child `node` process run dondoc's TypeScript sources as the tests do (compiled by swc on
// require), so a test can start the real CLI and read its exit code and output:
//   node -r ./test/helpers/register-ts.js client/cli/main.ts worker
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
