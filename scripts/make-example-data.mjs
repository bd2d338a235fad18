// Writes the example datasets (a satisfaction survey and service records) deterministically:
//   node scripts/make-example-data.mjs DIR [SURVEY_ROWS] [RECORD_ROWS]
// examples/with-data/data is made with the defaults; the benchmark uses it for 100 000 rows.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const [dir = 'examples/with-data/data', surveyRows = '240', recordRows = '400'] = process.argv.slice(2);
let seed = 20261101;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const pad = (n, w = 2) => String(n).padStart(w, '0');
const stamp = (t) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const line = (r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',') + '\n';
// Rows are written as they are made, in batches: ten million rows never sit in memory.
function writer(file) {
  const fd = openSync(file, 'w');
  let batch = [];
  return {
    push(row) {
      batch.push(line(row));
      if (batch.length >= 10000) this.flush();
    },
    flush() {
      writeSync(fd, batch.join(''));
      batch = [];
    },
    close() {
      this.flush();
      closeSync(fd);
    },
  };
}
mkdirSync(dir, { recursive: true });

const teams = ['华东一组', '华东二组', '华南一组', '华北一组'];
const notes = [
  '',
  '',
  '',
  '服务很好',
  '师傅很专业',
  '上门预约等待太久',
  '配件缺货，等了一周',
  '收费有点贵',
  '希望主动告知进度',
  '问题没解决，又坏了',
  '客服电话打不通',
  '态度敷衍',
];
const survey = writer(join(dir, 'survey-2026Q3.csv'));
survey.push(['客户', '联系电话', '服务单号', '团队', '日期', '响应速度', '问题解决', '专业度', '耐心', '主动告知', '总体满意度', '推荐意愿', '建议']);
const start = Date.UTC(2026, 6, 1);
for (let i = 1; i <= Number(surveyRows); i++) {
  const team = pick(teams);
  // 华北一组 runs lower, so the group check has something to find.
  const base = team === '华北一组' ? 3.2 : 4.4;
  const r = () => Math.max(1, Math.min(5, Math.round(base + (rnd() - 0.5) * 2.2)));
  const overall = r();
  const note = pick(notes) + (rnd() < 0.03 ? ` 请回电 1${pick(['38', '39', '86'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : '');
  survey.push([
    `客户${i}`,
    `1${pick(['38', '39', '86'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
    `S${pad(i, 6)}`,
    team,
    stamp(start + Math.floor(rnd() * 91) * 864e5).slice(0, 10),
    r(),
    r(),
    r(),
    r(),
    r(),
    overall,
    Math.max(1, Math.min(5, overall + (rnd() < 0.2 ? -1 : 0))),
    note,
  ]);
}
survey.close();

const records = writer(join(dir, 'tickets-2026Q3.csv'));
records.push(['工单号', '类型', '受理时间', '首次响应时间', '上门时间', '完成时间', '上门次数', '区域', '产品序列号']);
const serials = [];
for (let i = 1; i <= Number(recordRows); i++) {
  const type = pick(['维修', '维修', '维修', '维修', '安装', '安装', '咨询', '咨询', '投诉']);
  const opened = start + Math.floor(rnd() * 91 * 24 * 60) * 6e4;
  const h = (x) => Math.floor(x * 60) * 6e4;
  const remote = rnd() < 0.1;
  const row = [`T${pad(i, 7)}`, type, stamp(opened), '', '', '', '', remote ? '偏远地区' : '城区', ''];
  if (type === '维修') {
    // About one repair in twenty comes back: the same product's serial number again.
    const serial = serials.length > 0 && rnd() < 0.05 ? pick(serials) : `SN${pad(i, 8)}`;
    serials.push(serial);
    if (serials.length > 1000) serials.shift();
    row[8] = serial;
  }
  if (type === '维修' || type === '安装') {
    const onSite = opened + h(rnd() < 0.93 ? 2 + rnd() * 20 : 25 + rnd() * 30);
    row[3] = stamp(opened + h(0.2 + rnd()));
    row[4] = stamp(onSite);
    row[5] = stamp(onSite + h(1 + rnd() * 3));
    row[6] = rnd() < 0.95 ? 1 : 2;
  } else if (type === '咨询') {
    row[3] = stamp(opened + h(rnd() < 0.95 ? rnd() * 3 : 5 + rnd() * 10));
    row[5] = row[3];
  } else {
    row[3] = stamp(opened + h(4 + rnd() * 40));
    row[5] = stamp(opened + h(rnd() < 0.96 ? 24 + rnd() * 200 : 400 + rnd() * 200));
  }
  records.push(row);
}
records.close();
