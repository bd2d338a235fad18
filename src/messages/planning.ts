/** Wording of the planning lines: score bounds while criteria are unanswered, the cheapest path to each level. */
export const PLANNING = {
  bounds: {
    'zh-CN': '未评估 {n} 项，评完后：最低 {low}（{lowLevel}），最高 {high}（{highLevel}）',
    en: 'Not assessed: {n}. Once assessed: lowest {low} ({lowLevel}), highest {high} ({highLevel})',
  },
  path: {
    'zh-CN': '最省工作量达到{level}（≥ {threshold}）：完成 {ids}，估计共 {days} 个工作日，预计得分 {score}',
    en: 'Least effort to {level} (≥ {threshold}): close {ids} (estimated working days: {days}), for {score}',
  },
  pathDefaultEffort: { 'zh-CN': '（{ids} 未估计工作量，各按 1 天计）', en: ' ({ids}: no estimate, 1 day each assumed)' },
  pathBlocked: { 'zh-CN': '{level}（≥ {threshold}）：无法达到——{why}', en: '{level} (≥ {threshold}): out of reach — {why}' },
  blockerJoin: { 'zh-CN': '；', en: '; ' },
  'special-deductions-fail': {
    'zh-CN': '特别扣分项 {count} 项（达 {limit} 项即判不合格），须先纠正',
    en: '{count} special deductions ({limit} fail the assessment) must be corrected first',
  },
  'special-deductions-points': {
    'zh-CN': '即使补齐全部差距，特别扣分（{points} 分）使最高得分仅为 {maxFinal}',
    en: 'even with every gap closed, the special deductions ({points} points) leave at most {maxFinal}',
  },
  unsupported: { 'zh-CN': '{ids} 需要更新版本的 aftersales-assess 才能评分', en: '{ids} need a newer aftersales-assess to be scored' },
  points: { 'zh-CN': '补齐全部差距最高得分为 {maxFinal}', en: 'closing every gap gives at most {maxFinal}' },
} as const;
