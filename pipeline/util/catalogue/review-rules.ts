import { lockedError, rule } from './define.ts';

/** Rules of `press review`: edited copies that cannot be read, copies of another edition, conflicts, changes with no place in the source. */
export const REVIEW_RULES = {
  'review-copy': lockedError({
    en: ({ copy, reason }: { copy: string; reason: string }) => `${copy} cannot be reviewed: ${reason}`,
    zh: ({ copy, reason }) => `无法汇总 ${copy}：${reason}`,
  }),
  'review-edition': rule({
    severity: 'warning',
    text: {
      en: ({ copy, built, changed, missing, added }: { copy: string; built: string; changed: number; missing: number; added: number }) =>
        `${copy} was made from another edition of this source (${built}): since then ${changed} paragraphs changed, ${added} were added and ${missing} removed; its changes were matched paragraph by paragraph, and those on text changed since are listed in the table only`,
      zh: ({ copy, built, changed, missing, added }) =>
        `${copy} 是由本源文件的另一个版本生成的（${built}）：此后有 ${changed} 段改动、${added} 段新增、${missing} 段删除；其修改已逐段对应，落在已改动文字上的修改只列入汇总表`,
    },
  }),
  'review-conflict': rule({
    severity: 'warning',
    text: {
      en: ({ first, second, text }: { first: string; second: string; text: string }) => `${first} and ${second} changed the same passage differently (“${text}”): the first change is written, the second kept beside it as a comment`,
      zh: ({ first, second, text }) => `${first}与${second}对同一处文字（“${text}”）提出了不同的修改：前者写为修订，后者作为批注保留在旁`,
    },
  }),
  'review-unplaced': rule({
    severity: 'warning',
    text: {
      en: ({ author, text }: { author: string; text: string }) => `A change by ${author} (“${text}”) has no place in the source (text the source does not hold, or changed since the copy was made): it is in the table only`,
      zh: ({ author, text }) => `${author}的一处修改（“${text}”）在源文件中没有对应位置（源文件中没有这段文字，或其后已改动）：只列入汇总表`,
    },
  }),
  'review-generated': rule({
    severity: 'warning',
    text: {
      en: ({ author, text, proposal, what }: { author: string; text: string; proposal: string; what: string }) =>
        `${author} changed “${text}”${proposal === '' ? '' : ` (to “${proposal}”)`}, text the build generates (${what}): not written into the source, listed in the table; change the source or the bibliography file instead`,
      zh: ({ author, text, proposal, what }) =>
        `${author}修改了“${text}”${proposal === '' ? '' : `（改为“${proposal}”）`}，这是构建自动生成的文字（${what}）：未写入源文件，已列入汇总表；如需修改，请改源文件中的写法或参考文献库`,
    },
  }),
} as const;
