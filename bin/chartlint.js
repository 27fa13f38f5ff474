#!/usr/bin/env node
// The `chartlint` command. The CLI is TypeScript run through tsx, so the repository works
// right after `npm ci` with no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
