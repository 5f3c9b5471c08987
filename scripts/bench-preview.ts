// The preview row of `npm run bench` (BENCH_ONLY=preview): `press preview` of the sample, in a
// real browser page, timing save → web edition updated (the server-sent event received and the
// page's DOM replaced) and save → print pages updated (the new PDF drawn by pdf.js with its
// text layer), medians of several saves; then the same for the ×N report (its figures printed).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, closeBrowser } from '../pipeline/browser/launch-browser.ts';
import { startPreview, waitForMark } from '../test/preview/support.ts';
import { judge, type Row } from './bench-report.ts';

/** Median of numbers (NaN for none). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : (sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN);
}

/** Times of saves, ms. */
interface Saves {
  web: number[];
  print: number[];
  pages: string;
}

/**
 * Times of `saves` saves of `file` (its text with a changing word added) in a preview of it:
 * with `rest`, each save waits for the preview at rest (the last print's page map in, the page
 * idle), as a writer saves after reading; without, each save follows the last print at once.
 */
async function timeSaves(file: string, saves: number, rest: boolean): Promise<Saves> {
  const original = await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8'));
  const [browser, preview] = await Promise.all([launchBrowser(), startPreview([path.basename(file)], path.dirname(file))]);
  const web: number[] = [];
  const print: number[] = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(preview.url);
    await Promise.all([waitForMark(page, 'web', undefined, 600_000), waitForMark(page, 'pdf', undefined, 600_000)]);
    for (let save = 1; save <= saves; save++) {
      if (rest) {
        await page.waitForFunction(() => document.documentElement.dataset['map'] === document.documentElement.dataset['pdf'], { timeout: 600_000, polling: 'mutation' });
        await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
      }
      const [webBefore, pdfBefore] = await page.evaluate(() => [document.documentElement.dataset['web'], document.documentElement.dataset['pdf']]);
      const started = performance.now();
      await writeFile(file, `${original}\nSave number ${save} of the bench.\n`);
      await waitForMark(page, 'web', webBefore, 600_000);
      web.push(performance.now() - started);
      await waitForMark(page, 'pdf', pdfBefore, 600_000);
      print.push(performance.now() - started);
    }
    const pages = await page.evaluate(() => String(document.querySelectorAll('.page').length));
    return { web, print, pages };
  } finally {
    preview.child.kill('SIGINT');
    await preview.exited;
    await closeBrowser(browser);
    await writeFile(file, original);
  }
}

/** The preview rows: the sample's two targets, and the large report's figures as notes. */
export async function benchPreview(sample: string, large: string | undefined, saves: number): Promise<Row[]> {
  const small = await timeSaves(sample, saves, true);
  const busy = await timeSaves(sample, saves, false);
  const web = median(small.web);
  const print = median(small.print);
  console.log(`press preview ${path.basename(sample)}, saved on a preview at rest: save → web edition median ${web.toFixed(0)} ms (${small.web.map((ms) => ms.toFixed(0)).join(', ')}), save → print pages median ${print.toFixed(0)} ms (${small.print.map((ms) => ms.toFixed(0)).join(', ')}), ${small.pages} pages`);
  const busyLine = `saved at once after each print (the page still drawing, the page map being made): save → web edition median ${median(busy.web).toFixed(0)} ms (${busy.web.map((ms) => ms.toFixed(0)).join(', ')}), save → print pages median ${median(busy.print).toFixed(0)} ms (${busy.print.map((ms) => ms.toFixed(0)).join(', ')})`;
  console.log(`press preview ${path.basename(sample)}, ${busyLine}`);
  const notes: string[] = [];
  if (large) {
    const big = await timeSaves(large, 2, true);
    const line = `${path.basename(large)} (${big.pages} pages): save → web edition ${big.web.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; save → print pages ${big.print.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}`;
    console.log(`press preview ${line}`);
    notes.push(line);
  }
  const runs = `${saves} saves`;
  return [
    { key: 'preview-web', label: 'preview: save → web edition', value: web, shown: `${web.toFixed(0)} ms`, target: '≤ 150 ms', status: judge(web, 150, '≤'), runs, notes: [`each (saved on a preview at rest): ${small.web.map((ms) => ms.toFixed(0)).join(', ')} ms`, busyLine] },
    { key: 'preview-print', label: 'preview: save → print pages', value: print, shown: `${(print / 1000).toFixed(2)} s`, target: '≤ 1.50 s', status: judge(print, 1500, '≤'), runs, notes: [`each (saved on a preview at rest): ${small.print.map((ms) => ms.toFixed(0)).join(', ')} ms`, ...notes] },
  ];
}
