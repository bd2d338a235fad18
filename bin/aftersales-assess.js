#!/usr/bin/env node
import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('aftersales-assess: the CLI is not built yet; run `npm install` (or `npm run build`) in the package folder.\n');
  } else {
    process.stderr.write(`aftersales-assess: internal error: ${error?.stack ?? error}\n`);
  }
  process.exit(3);
});
