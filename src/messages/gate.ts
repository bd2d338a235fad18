import type { Lang } from '../model/localized.js';
import type { Report } from '../model/report.js';
import type { GateFailure } from '../score/gate.js';
import { OUTCOME_LABELS } from './ui.js';

/** One sentence per gate failure, in the report's language, level names from the report's method. */
export function gateMessage(f: GateFailure, report: Report, lang: Lang): string {
  const level = (id: string) => report.method.levels.find((l) => l.id === id)?.name[lang] ?? id;
  const zh = lang === 'zh-CN';
  switch (f.code) {
    case 'min-score':
      return zh ? `得分 ${f.value} 低于要求的 ${f.required}` : `score ${f.value} is below the required ${f.required}`;
    case 'min-level':
      return zh ? `等级“${level(f.value)}”低于要求的“${level(f.required)}”` : `level ${level(f.value)} is below the required ${level(f.required)}`;
    case 'min-points':
      return zh ? `${f.id} 得分 ${f.value} 低于要求的 ${f.required}` : `${f.id} earned ${f.value}, below the required ${f.required}`;
    case 'must-pass':
      return zh ? `必须符合的 ${f.id} 结果为“${OUTCOME_LABELS[f.outcome][lang]}”` : `must-pass criterion ${f.id} is ${OUTCOME_LABELS[f.outcome][lang]}`;
    case 'regression':
      return zh
        ? `与基线 ${f.against} 相比退步：${f.base.final} → ${f.head.final}，${level(f.base.level)} → ${level(f.head.level)}`
        : `regression against ${f.against}: ${f.base.final} → ${f.head.final}, ${level(f.base.level)} → ${level(f.head.level)}`;
  }
}
