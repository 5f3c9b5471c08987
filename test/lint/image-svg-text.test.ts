import { describe, expect, it } from 'vitest';
import { messageSummary, reportFrom, temporaryFolder, writeFiles } from '../helpers/report.ts';

/**
 * Text inside an SVG image is drawn by Chromium in whatever font the SVG names, found on the
 * machine (pdffonts then lists, say, LiberationSerif): the print PDF would no longer be set only
 * in the template's fonts. report-press says so at the image.
 */
const WITH_TEXT = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#2a7"/><text x="10" y="38" font-size="24">GWF</text></svg>';
const SHAPES_ONLY = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#2a7"/><path d="M0 0L10 10"/></svg>';

describe('image-svg-text', () => {
  it('warns at an SVG image that contains text, in the report language', async () => {
    const folder = await temporaryFolder();
    await writeFiles(folder, { 'logo.svg': WITH_TEXT, 'shapes.svg': SHAPES_ONLY });
    const report = await reportFrom('---\ntitle: Report\nlang: en\n---\n\nText.\n\n![Logo](logo.svg)\n\n![Shapes](shapes.svg)\n', folder);
    expect(messageSummary(report).filter((line) => line.includes('svg'))).toEqual(['8:1 image-svg-text warning']);
    expect(report.file.messages[0]?.reason).toBe('SVG image logo.svg contains text, which the PDF and the web page draw in a font of the machine, not a template font: convert the text to outlines (paths)');
    const chinese = await reportFrom('---\ntitle: 报告\n---\n\n正文。\n\n![标志](logo.svg)\n', folder);
    expect(chinese.file.messages.map((message) => message.reason)).toEqual(['SVG 图片 logo.svg 含有文字，PDF 和网页会用本机的字体而非模板字体显示：请把文字转为轮廓（路径）']);
  });
});
