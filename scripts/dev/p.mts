import { read } from 'to-vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
const file = await read(process.argv[2]!);
const r = await parseReport(file);
console.log(JSON.stringify(r.meta));
for (const n of r.tree.children) console.log(n.type, n.type==='paragraph' ? n.children.map(c=>c.type).join(',') : '', n.position?.start.line);
for (const m of file.messages) console.log(String(m.line)+':'+m.column, m.reason, m.ruleId);
