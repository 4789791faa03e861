// Fails when a gzipped size budget is exceeded, printing every size (issue 9: loader <= 5 KB, chat UI <= 60 KB).
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const dir = new URL('../wwwroot/widget/', import.meta.url);
const budgets = [
  { name: 'loader', files: ['loader.js'], limit: 5 * 1024 },
  { name: 'chat UI', files: ['chat.html', 'chat.js', 'chat.css'], limit: 60 * 1024 },
];
let over = false;
for (const budget of budgets) {
  let total = 0;
  for (const file of budget.files) {
    const bytes = await readFile(new URL(file, dir));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(`  ${file.padEnd(12)} ${String(bytes.length).padStart(8)} B  ${String(gz).padStart(7)} B gzipped`);
  }
  const ok = total <= budget.limit;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${total} B gzipped of ${budget.limit} B budget`);
}
process.exit(over ? 1 : 0);
