import type { Localized } from '../model/localized.js';

/**
 * Complaint themes looked for in free-text suggestions (seed 002's categories: service quality,
 * attitude, process experience). A response mentions a theme when any keyword occurs in it.
 */
export const THEMES: Array<{ id: string; label: Localized; keywords: string[] }> = [
  { id: 'slow-response', label: { 'zh-CN': '响应慢、等待久', en: 'slow response, long waits' }, keywords: ['慢', '等待', '等了', '太久', '很久', '不及时', '迟迟', '拖', 'slow', 'wait', 'late', 'delay'] },
  { id: 'not-resolved', label: { 'zh-CN': '问题未解决、反复维修', en: 'not resolved, repeat repairs' }, keywords: ['没解决', '未解决', '没修好', '反复', '返修', '又坏', '再次', 'not fixed', 'not resolved', 'again', 'repeat'] },
  { id: 'attitude', label: { 'zh-CN': '服务态度', en: 'attitude' }, keywords: ['态度', '不耐烦', '敷衍', '冷淡', 'rude', 'impatient', 'attitude'] },
  { id: 'expertise', label: { 'zh-CN': '专业能力不足', en: 'lack of expertise' }, keywords: ['不专业', '不懂', '技术差', '水平', 'unprofessional', 'expertise', 'skill'] },
  { id: 'communication', label: { 'zh-CN': '沟通与进度告知', en: 'communication and updates' }, keywords: ['没通知', '不通知', '联系不上', '进度', '没人回', '不回复', '告知', 'no update', 'no one called', 'communication', 'update'] },
  { id: 'price', label: { 'zh-CN': '收费与价格', en: 'charges and price' }, keywords: ['收费', '价格', '太贵', '乱收', '费用', 'price', 'charge', 'expensive', 'fee'] },
  { id: 'parts', label: { 'zh-CN': '配件供应', en: 'spare parts' }, keywords: ['配件', '零件', '缺货', '备件', 'part', 'spare', 'out of stock'] },
  { id: 'appointment', label: { 'zh-CN': '预约与上门时间', en: 'appointments and visit times' }, keywords: ['预约', '上门', '爽约', '迟到', '改期', 'appointment', 'visit', 'no-show', 'reschedule'] },
  { id: 'channels', label: { 'zh-CN': '热线与渠道', en: 'hotline and channels' }, keywords: ['热线', '电话打不通', '打不通', '占线', '客服电话', 'hotline', 'busy line', 'phone line'] },
];

const PHONE = /(?:\+?86[\s-]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Phone numbers and e-mail addresses inside free text are replaced before anything is output. */
export function maskPersonalData(s: string): string {
  return s.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}
