import type { Lang } from '../model/localized.js';
import type { ChangeCause } from '../model/diff.js';

export const CAUSE_LABELS: Record<ChangeCause, Record<Lang, string>> = {
  'evidence-expired': { 'zh-CN': '证据过期', en: 'evidence expired' },
  'evidence-aged': { 'zh-CN': '证据超出时效', en: 'evidence aged out' },
  'file-missing': { 'zh-CN': '证据文件缺失', en: 'file missing' },
  'evidence-changed': { 'zh-CN': '证据文件内容变更', en: 'evidence file changed' },
  'rubric-changed': { 'zh-CN': '评分规则变更', en: 'rubric changed' },
  'evidence-edited': { 'zh-CN': '证据文件被修改', en: 'evidence edited' },
};

export const COMPARISON_LABELS = {
  'as-of': { 'zh-CN': '预测', en: 'Forecast' },
  baseline: { 'zh-CN': '与基线比较', en: 'Compared with baseline' },
  noChange: { 'zh-CN': '无变化', en: 'no change' },
} satisfies Record<string, Record<Lang, string>>;
