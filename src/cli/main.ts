#!/usr/bin/env node
/** The `podeip` executable (bin/podeip runs the built copy of this file). */
import { podeip } from './podeip.js';

podeip(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`podeip: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
