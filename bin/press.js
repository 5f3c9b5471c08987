#!/usr/bin/env node
// Entry point of the `press` command: runs the pipeline's bundle (bin/bundle.js), or the
// TypeScript sources through tsx when the bundle cannot be made.
import { bundledCli } from './bundle.js';

const bundle = await bundledCli();
let main;
if (bundle) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
