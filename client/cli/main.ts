#!/usr/bin/env node
// The `dondoc` executable: runs one command line and exits with its code (2 for anything a
// person can fix: a bad file, option or setting).
import { runCli } from './program';

void runCli(process.argv.slice(2)).then((code) => {
  // Long-running commands (dev, worker, web) keep the process alive on their own.
  if (code !== 0) process.exit(code);
});
