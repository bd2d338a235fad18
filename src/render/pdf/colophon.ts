import type { Report } from '../../model/report.js';
import { CONTENT_WIDTH, type Layout } from './layout.js';
import type { T } from './labels.js';

/**
 * The one place for what identifies the run rather than the company: tool and version, the rubric's
 * edition and digest, the evidence file's path and digest, each data file. Client pages carry none of it.
 */
export function colophon(L: Layout, r: Report, t: T, heading: string): void {
  const lang = r.lang;
  L.ensure(200);
  L.heading(heading);
  L.text(t('colophonIntro'), { size: 9, color: '#5b6b7f' });
  L.space(6);
  const rows = [
    [t('colophonTool'), `${r.tool.name} ${r.tool.version}`],
    [t('colophonRubric'), t('rubricEdition', { title: r.rubric.title[lang], version: r.rubric.version })],
    [t('colophonRubricSha'), r.rubric.sha256],
    ...(r.evidenceFile
      ? [
          [t('colophonEvidence'), r.evidenceFile.path],
          [t('colophonEvidenceSha'), r.evidenceFile.sha256],
        ]
      : []),
    ...r.datasets.map((d) => [t('colophonDataset'), t('colophonDatasetValue', { file: d.file, valid: d.valid, rows: d.rows, sha: d.sha256 })]),
  ];
  L.table(
    [
      { header: t('field'), width: 150 },
      { header: t('fieldValue'), width: CONTENT_WIDTH - 150 },
    ],
    rows.map(([k, v]) => [{ text: k! }, { text: v! }]),
    { size: 8 },
  );
}
