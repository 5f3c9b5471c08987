/**
 * What the server tells the page, as `pipeline/preview/session.ts` declares it. Type-only: the
 * client bundle takes no code from the server's modules.
 */
export type { PreviewMessage, PreviewState } from '../session.ts';
