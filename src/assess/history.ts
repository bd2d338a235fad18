import { posix } from 'node:path';
import { diffReports } from '../compare/diffReports.js';
import { citedFiles, pinnedFiles } from '../load/gatherFileFacts.js';
import { CatFile } from '../load/catFile.js';
import { BlobDerived, type HistoryCommit, type HistoryRange, PrefetchedObjects, historyCommits } from '../load/gitHistory.js';
import { revisionTree } from '../load/gitTree.js';
import { DEFAULT_MAX_BYTES, sourceFromBytes } from '../load/readSource.js';
import { InputError } from '../model/diagnostic.js';
import type { GapPoint, History, HistoryPoint, ProjectionPoint, ScoredPoint } from '../model/history.js';
import type { Report } from '../model/report.js';
import { type IsoDate, roundTo } from '../model/units.js';
import { UsageError } from '../model/usage.js';
import { loadEvidenceSource } from '../validate/loadEvidence.js';
import { assess, type AssessmentOptions } from './assess.js';

/** Criterion changes listed per point; the rest are counted. */
export const CHANGES_PER_POINT = 5;
/** Problems kept per gap: enough to say why, never a flood. */
const DIAGNOSTICS_PER_GAP = 3;

/**
 * The evidence file scored at each commit that changed it or anything in its evidence root, oldest first.
 * Each point is `assess` of that revision's tree built by `revisionTree` — the tree `--baseline REV` builds —
 * with this run's rubric and the commit's own assessment date; only the reading of git objects differs
 * (one `git cat-file` for the whole history, blobs cached by id).
 */
export async function assessHistory(
  file: string,
  range: HistoryRange & { sample?: Sampling; asOf?: IsoDate | undefined },
  assessOpts: AssessmentOptions,
): Promise<History> {
  // Each commit is judged on its own date; --as-of is only the projection's.
  const { asOf: _ignored, ...opts } = assessOpts;
  const { top, commits: all } = historyCommits(file, range);
  const commits = sampled(all, range.sample);
  if (commits.length === 0) throw new UsageError('history-empty', { file });
  const cat = new CatFile(top);
  const derived = new BlobDerived();
  const points: HistoryPoint[] = [];
  let previous: { report: Report; commit: HistoryCommit } | null = null;
  let projection: ProjectionPoint | null = null;
  try {
    for (const c of commits) {
      const point = await assessCommit(cat, derived, c, opts, previous?.report ?? null);
      points.push(point.point);
      if (point.report) previous = { report: point.report, commit: c };
    }
    if (range.asOf !== undefined && previous) {
      if (range.asOf < previous.commit.date) throw new UsageError('history-as-of-before', { asOf: range.asOf, date: previous.commit.date });
      // The same commit through the same assessment, judged on the audit date instead of its own.
      const p = (await assessCommit(cat, derived, previous.commit, { ...opts, asOf: range.asOf }, previous.report)).point;
      if (p.kind === 'scored') projection = { ...p, kind: 'projection', asOf: range.asOf, assessmentDate: previous.report.assessmentDate };
    }
  } finally {
    cat.close();
  }
  const r = opts.rubric;
  const levels = r.rubric.levels.list.map((l) => ({ id: l.id, name: l.name, minScore: l.minScore }));
  const sections = r.rubric.sections.map((s) => ({ id: s.id, title: s.title, points: s.points }));
  const scored = points.filter((p): p is ScoredPoint => p.kind === 'scored');
  const [first, last] = [scored[0], scored.at(-1)];
  const span =
    first && last && first !== last
      ? {
          from: first.short,
          fromDate: first.date,
          to: last.short,
          toDate: last.date,
          before: first.final,
          after: last.final,
          delta: roundTo(last.final - first.final, 1),
        }
      : null;
  return { file, rubric: { id: r.rubric.id, version: r.rubric.version, sha256: r.sha256 }, levels, sections, points, projection, span };
}

/** `--every N`: every Nth commit; `--monthly`: the last commit of each month. The first and the last are always kept. */
export type Sampling = { every: number } | 'monthly';

export function sampled<T extends { date: string }>(commits: readonly T[], how: Sampling | undefined): T[] {
  if (how === undefined || commits.length <= 2) return [...commits];
  const last = commits.length - 1;
  if (how === 'monthly') return commits.filter((c, i) => i === 0 || i === last || c.date.slice(0, 7) !== commits[i + 1]!.date.slice(0, 7));
  return commits.filter((_, i) => i === 0 || i === last || i % how.every === 0);
}

async function assessCommit(
  cat: CatFile,
  derived: BlobDerived,
  c: HistoryCommit,
  opts: AssessmentOptions,
  previous: Report | null,
): Promise<{ point: HistoryPoint; report?: Report }> {
  const short = c.commit.slice(0, 12);
  const base = { commit: c.commit, short, date: c.date, subject: c.subject, path: c.path };
  const gap = (reason: GapPoint['reason'], e?: InputError): { point: GapPoint } => ({
    point: { kind: 'gap', ...base, reason, diagnostics: (e?.diagnostics ?? []).slice(0, DIAGNOSTICS_PER_GAP) },
  });
  if (c.path === '') return gap('evidence-deleted');
  const objects = new PrefetchedObjects(cat, c.commit, derived);
  await objects.fetch([c.path], true);
  if (objects.kind(c.path) !== 'file') return gap('evidence-deleted');
  try {
    // What the assessment will ask about, looked up first: the cited files, pinned ones and datasets read.
    const source = sourceFromBytes(`${short}:${c.path}`, objects.bytes(c.path), opts.maxBytes ?? DEFAULT_MAX_BYTES);
    const { evidence } = loadEvidenceSource(source, opts.rubric.rubric, { past: true });
    const dir = posix.dirname(c.path);
    const at = (cited: string) => posix.normalize(posix.join(dir, cited));
    const pinned = pinnedFiles(evidence);
    const read = [...pinned, ...Object.values(evidence.datasets ?? {}).filter((v): v is string => typeof v === 'string')];
    await objects.fetch(citedFiles(evidence).map(at), false);
    await objects.fetch(read.map(at), true);
    const { report } = await assess(revisionTree(short, c.path, c.rootRel, objects), opts);
    const diff = previous ? diffReports(previous, report, { base: previous.evidenceFile?.path ?? '', head: short }) : null;
    const point: ScoredPoint = {
      kind: 'scored',
      ...base,
      assessmentDate: report.assessmentDate,
      final: report.score.final,
      level: report.level.id,
      levelName: report.level.name,
      delta: diff ? diff.scoreDelta : null,
      changes: (diff?.criteria ?? [])
        .slice(0, CHANGES_PER_POINT)
        .map((ch) => ({ id: ch.id, title: ch.title, delta: ch.delta, causes: ch.causes, refs: ch.refs })),
      moreChanges: Math.max(0, (diff?.criteria.length ?? 0) - CHANGES_PER_POINT),
      sections: report.sections.map((s) => ({ id: s.id, earned: s.earned, applicablePoints: s.applicablePoints })),
    };
    return { point, report };
  } catch (e) {
    if (e instanceof InputError) return gap('invalid-evidence', e);
    throw e;
  }
}
