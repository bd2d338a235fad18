import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { citedFiles } from '../load/gatherFileFacts.js';
import { loadEvidenceSource } from '../load/loadEvidence.js';
import { findingLocator } from '../load/locate.js';
import { sourceFromBytes } from '../load/readSource.js';
import type { FileFact } from '../model/facts.js';
import type { Report } from '../model/report.js';
import { buildReport } from '../report/buildReport.js';
import type { AssessOptions } from './assess.js';
import { UsageError } from './exitCodes.js';
import { TOOL } from './version.js';

/**
 * The evidence file as it was at git revision `rev`, scored with today's rubric. Cited files are
 * looked up in that revision's tree, not in the working tree.
 */
export function assessGitRevision(file: string, rev: string, opts: AssessOptions): Report {
  const dir = dirname(resolve(file));
  const git = (args: string[], cwd = dir) => {
    try {
      return execFileSync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { code?: string; stderr?: Buffer };
      if (err.code === 'ENOENT') throw new UsageError('--baseline with a git revision needs git on the PATH');
      const said = String(err.stderr ?? '').trim().split('\n')[0];
      throw new UsageError(`git ${args[0]} failed for --baseline ${JSON.stringify(rev)}: ${said || 'unknown revision (not a commit in this repository)'}`);
    }
  };
  // The revision is the user's text: never let git read it as an option, and resolve it to a commit first.
  if (rev.trim() === '' || rev.startsWith('-') || /[\0\n\r]/.test(rev)) throw new UsageError(`--baseline needs a git revision such as HEAD~1 or main, or a JSON report file; got ${JSON.stringify(rev)}`);
  const top = git(['rev-parse', '--show-toplevel']).toString().trim();
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).toString().trim();
  const relFile = relative(realpathSync(top), realpathSync(resolve(file))).split(sep).join('/');
  const bytes = git(['show', '--end-of-options', `${commit}:${relFile}`], top);
  const { evidence, parsed } = loadEvidenceSource(sourceFromBytes(`${rev}:${relFile}`, bytes, opts.maxBytes), opts.rubric.rubric);
  const tree = new Set(git(['ls-tree', '-r', '--name-only', '-z', '--end-of-options', commit], top).toString().split('\0').filter(Boolean));
  const evidenceDir = posix.dirname(relFile);
  const rootRel = opts.root ? relative(realpathSync(top), realpathSync(resolve(opts.root))).split(sep).join('/') : evidenceDir;
  const facts = new Map<string, FileFact>();
  for (const cited of citedFiles(evidence)) {
    const target = posix.normalize(posix.join(evidenceDir, cited));
    const inside = !posix.isAbsolute(cited) && (rootRel === '.' || rootRel === '' ? !target.startsWith('..') : target === rootRel || target.startsWith(rootRel + '/'));
    if (!inside) facts.set(cited, { state: 'outside-root' });
    else if (tree.has(target)) {
      const pinned = Object.values(evidence.criteria ?? {}).some((c) => c?.evidence?.some((i) => i.file === cited && i.sha256));
      facts.set(cited, pinned ? { state: 'found', sha256: createHash('sha256').update(git(['show', '--end-of-options', `${commit}:${target}`], top)).digest('hex') } : { state: 'found' });
    } else if ([...tree].some((p) => p.startsWith(target + '/'))) facts.set(cited, { state: 'not-a-file' });
    else facts.set(cited, { state: 'missing' });
  }
  return buildReport(opts.rubric, evidence, facts, { lang: opts.lang, tool: TOOL, locate: findingLocator(parsed) });
}

