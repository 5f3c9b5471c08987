/**
 * Moves in Word. A moved passage is a suggestion pair sharing `move:<id>` (see
 * `critic/syntax.ts`); the docx library writes both ends as a deletion and an insertion, and
 * this step turns them into what Word writes for a move: `w:moveFrom` and `w:moveTo`, each end
 * inside a named range (`w:moveFromRangeStart` … `w:moveFromRangeEnd`) that pairs it with the
 * other. A paragraph mark moved with its paragraph becomes `w:moveFrom`/`w:moveTo` too.
 */

/** The tracked changes that are ends of moves: revision id → which end and the move's name. */
export type MoveEnds = ReadonlyMap<number, { end: 'from' | 'to'; name: string }>;

/** First id of the range markers, above the ids of changes (100000…) and of comments and bookmarks. */
const FIRST_RANGE_ID = 900_000;

/** Rewrite the deletions and insertions of `ends` in a part (`word/document.xml`) as move ends. */
export function writeMoves(xml: string, ends: MoveEnds): string {
  if (ends.size === 0) return xml;
  // Each end's changes, in document order, become moveFrom/moveTo; their first and last are wrapped in the range.
  const spans = new Map<string, { first: number; last: number; rangeId: number }>();
  const rewritten = xml.replace(/<w:(del|ins) w:id="(\d+)"([^>]*?)(\/?)>/g, (whole, tag: string, id: string, attributes: string, empty: string) => {
    const end = ends.get(Number(id));
    if (!end || (tag === 'del') !== (end.end === 'from')) return whole;
    const element = end.end === 'from' ? 'moveFrom' : 'moveTo';
    if (empty === '/') return `<w:${element} w:id="${id}"${attributes}/>`;
    const key = `${end.end}\u0000${end.name}`;
    const span = spans.get(key);
    if (span) span.last = Number(id);
    else spans.set(key, { first: Number(id), last: Number(id), rangeId: FIRST_RANGE_ID + spans.size });
    return `\u0001${id}\u0002<w:${element} w:id="${id}"${attributes}>`;
  });
  // Close each rewritten element (changes do not nest, so the next closing tag of its kind is its own).
  return rewritten.replace(/\u0001(\d+)\u0002<w:(moveFrom|moveTo) ([^>]*)>([\s\S]*?)<\/w:(?:del|ins)>/g, (_whole, id: string, element: string, attributes: string, body: string) => {
    const end = ends.get(Number(id));
    const key = `${end?.end ?? ''}\u0000${end?.name ?? ''}`;
    const span = spans.get(key);
    const inner = element === 'moveFrom' ? body.replace(/<w:delText\b/g, '<w:t').replace(/<\/w:delText>/g, '</w:t>') : body;
    const stamp = attributes.replace(/^w:id="\d+"/, '').trim();
    const start = span?.first === Number(id) ? `<w:${element}RangeStart w:id="${span.rangeId}" ${stamp} w:name="${end?.name ?? ''}"/>` : '';
    const finish = span?.last === Number(id) ? `<w:${element}RangeEnd w:id="${span.rangeId}"/>` : '';
    return `${start}<w:${element} ${attributes}>${inner}</w:${element}>${finish}`;
  });
}
