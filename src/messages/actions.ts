import type { Finding, FindingArgs } from '../model/finding.js';
import type { Lang } from '../model/localized.js';
import type { Gap } from '../model/report.js';
import { interpolate } from '../shared/interpolate.js';
import { UI } from './ui.js';

/**
 * The one thing to do about a gap, as every format words it: for a practice gap the rubric's own action; for
 * an evidence gap each document to mend, named with its date; for an unassessed one what an auditor expects.
 */
export function gapAction(g: Gap, lang: Lang): string {
  const generic = genericAction(g, lang);
  if (!g.industry) return generic;
  // The industry's guidance beside the generic, in the one action every format shows (JSON `step` too).
  const i = g.industry;
  return generic + interpolate(INDUSTRY_NOTE[lang], { industry: i.name[lang], expects: i.expects[lang], evidence: i.evidence[lang], source: i.source });
}

const INDUSTRY_NOTE: Record<Lang, string> = {
  'zh-CN': '（{industry}行业：{expects}典型证据：{evidence}依据{source}）',
  en: ' ({industry}: {expects} Typical evidence: {evidence} Source: {source})',
};

function genericAction(g: Gap, lang: Lang): string {
  switch (g.fix) {
    case 'evidence': {
      // Nothing cited at all: say what to cite, not "restore missing files".
      if (g.reasons.some((f) => f.code === 'no-evidence')) return UI.fixCite[lang] + g.expects[lang];
      const items = g.reasons.flatMap((f) => evidenceStep(f, lang));
      return items.length > 0 ? EVIDENCE_LEAD[lang] + items.join(LIST_SEP[lang]) : UI.fixEvidence[lang];
    }
    case 'assess':
      return UI.fixAssess[lang] + g.expects[lang];
    case 'upgrade':
      return UI.fixUpgrade[lang];
    case 'practice':
      return g.action[lang];
  }
}

const EVIDENCE_LEAD: Record<Lang, string> = { 'zh-CN': '补正证据：', en: 'Mend the evidence: ' };
const LIST_SEP: Record<Lang, string> = { 'zh-CN': '；', en: '; ' };

type EvidenceCode =
  | 'evidence-file-missing'
  | 'evidence-file-outside-root'
  | 'evidence-not-a-file'
  | 'evidence-expired'
  | 'evidence-too-old'
  | 'evidence-undated'
  | 'evidence-hash-mismatch';

/** Each evidence finding's remedy, naming the document and its date; the compiler checks every code has one. */
const EVIDENCE_STEPS: { [C in EvidenceCode]: Record<Lang, (a: FindingArgs[C]) => string> } = {
  'evidence-file-missing': { 'zh-CN': (a) => `恢复文件 ${a.file}`, en: (a) => `restore ${a.file}` },
  'evidence-file-outside-root': { 'zh-CN': (a) => `把 ${a.file} 移入证据目录`, en: (a) => `move ${a.file} inside the evidence folder` },
  'evidence-not-a-file': { 'zh-CN': (a) => `以普通文件替换 ${a.file}`, en: (a) => `replace ${a.file} with a regular file` },
  'evidence-expired': { 'zh-CN': (a) => `换新 ${a.expires} 已过期的 ${a.ref}`, en: (a) => `renew ${a.ref}, expired on ${a.expires}` },
  'evidence-too-old': {
    'zh-CN': (a) => `以近 ${a.maxAgeMonths} 个月内的版本替换 ${a.ref}（${a.date}）`,
    en: (a) => `replace ${a.ref} (${a.date}) with one from the last ${a.maxAgeMonths} months`,
  },
  'evidence-undated': {
    'zh-CN': (a) => `为 ${a.ref} 注明日期（须在近 ${a.maxAgeMonths} 个月内）`,
    en: (a) => `give ${a.ref} its date (within the last ${a.maxAgeMonths} months)`,
  },
  'evidence-hash-mismatch': {
    'zh-CN': (a) => `复核 ${a.file} 的改动后更新其 sha256`,
    en: (a) => `review the changes to ${a.file}, then update its sha256`,
  },
};

function evidenceStep(f: Finding, lang: Lang): string[] {
  if (!(f.code in EVIDENCE_STEPS)) return [];
  const step = EVIDENCE_STEPS[f.code as EvidenceCode][lang] as (a: unknown) => string;
  return [step(f.args)];
}
