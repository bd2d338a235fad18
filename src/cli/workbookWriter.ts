import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type WriterModule = typeof import('../workbook/writeWorkbook.js');

/**
 * The workbook writer with exceljs inside: its own bundle (dist/workbook.cjs), loaded only by `init --xlsx`
 * and `convert --to xlsx`, so the YAML path never compiles exceljs (~1 MB). From source (tests), the module.
 */
export function loadWorkbookWriter(): Promise<WriterModule> {
  loading ??= load();
  return loading;
}
let loading: Promise<WriterModule> | undefined;

async function load(): Promise<WriterModule> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bin = join(here, '..', 'bin', 'aftersales-assess.cjs');
  if (existsSync(join(here, 'workbook.cjs')) && existsSync(bin)) {
    const { loadBundle } = createRequire(import.meta.url)(bin) as { loadBundle: (name: string) => WriterModule };
    return loadBundle('workbook.cjs');
  }
  return import('../workbook/writeWorkbook.js');
}
