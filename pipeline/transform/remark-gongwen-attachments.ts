import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/** A 附件 heading's text: `附件`, `附件1`, `附件 2`, `附件３`. */
const ATTACHMENT_HEADING = /^附件\s*([0-9０-９]*)$/;

/** The number of a `# 附件n` heading (1 for a lone `附件`), or undefined for any other heading. */
export function attachmentNumber(heading: Heading): number | undefined {
  return attachmentNumberOfText(toString(heading));
}

/** The number of an attachment heading's text (`附件2` → 2, `附件` → 1), or undefined for any other text. */
export function attachmentNumberOfText(text: string): number | undefined {
  const match = ATTACHMENT_HEADING.exec(text.trim());
  if (!match) return undefined;
  const digits = (match[1] ?? '').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  return digits === '' ? 1 : Number(digits);
}

/**
 * In a 公文 (template `gongwen`), mark each top-level `# 附件n` heading as the start of an
 * attachment: unnumbered (the heading numbers of an attachment start again after it), and
 * known to every renderer by its number, which starts it on a new page with the 附件 mark.
 */
export function remarkGongwenAttachments() {
  return (tree: Root, file: VFile): void => {
    if (file.data.meta?.template !== 'gongwen') return;
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.data?.level !== 1) continue;
      const number = attachmentNumber(node);
      if (number === undefined) continue;
      node.data = { ...node.data, attachment: number, unnumbered: true };
    }
  };
}
