/** Wording of the planning lines: score bounds while criteria are unanswered, the cheapest path to each level. */
export const PLANNING = {
  bounds: {
    'zh-CN': '未评估 {n} 项，评完后：最低 {low}（{lowLevel}），最高 {high}（{highLevel}）',
    en: 'Not assessed: {n}. Once assessed: lowest {low} ({lowLevel}), highest {high} ({highLevel})',
  },
} as const;
