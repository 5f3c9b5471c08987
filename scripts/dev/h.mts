import { read } from 'to-vfile';
import { parseReport } from '../../pipeline/parse/parse.ts';
import { loadTemplate } from '../../pipeline/template/load-template.ts';
import { renderHtml } from '../../pipeline/render/html/render-html.ts';
const file = await read(process.argv[2]!);
const r = await parseReport(file);
const t = await loadTemplate(r.meta.template);
process.stdout.write(await renderHtml(r, t, { date: new Date(0), variant: (process.argv[3] as 'print') ?? 'screen' }));
for (const m of file.messages) console.error(String(m.line)+':'+m.column, m.reason, m.ruleId);
