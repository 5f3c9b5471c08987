import { rasterPage, inkBox, inkBands } from './test/gongwen/ink.ts';
const r = await rasterPage(process.argv[2]!, 1, 300); console.log(inkBands(r, 'red'), inkBox(r, 'red', { top: 0, bottom: 60 }));
