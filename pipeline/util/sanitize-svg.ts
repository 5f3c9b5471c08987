/**
 * The SVG a chart is drawn in (vega's `toSVG()`), as the page keeps it: shapes, text and
 * gradients only. Not among them: `script`, `foreignObject` (may hold HTML), `image` and `use`
 * (load or pull in other content), `a`, animation elements, and any `href`, `style` or event
 * handler attribute. Paint that names a URL is kept only when it points into the chart itself
 * (`url(#…)`), see {@link localPaint}.
 */
export const SVG_TAG_NAMES: readonly string[] = ['svg', 'g', 'path', 'rect', 'line', 'circle', 'ellipse', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop'];

/** SVG elements removed with their content. */
export const SVG_STRIPPED: readonly string[] = ['foreignObject', 'script', 'style'];

/** Presentation attributes any chart element may keep (hast property names). */
const PAINT = [
  'fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity', 'strokeDashArray', 'strokeDashOffset', 'strokeLineCap', 'strokeLineJoin', 'strokeMiterLimit',
  'opacity', 'transform', 'clipPath', 'clipRule', 'display', 'visibility', 'paintOrder',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'textAnchor', 'dominantBaseline', 'letterSpacing', 'textDecoration',
];

/** The attributes each chart SVG element keeps: geometry and paint, never a link, a style or a script. */
export const SVG_ATTRIBUTES: Readonly<Record<string, (string | [string, ...string[]])[]>> = {
  svg: [...PAINT, 'width', 'height', 'viewBox', 'version', 'preserveAspectRatio'],
  g: PAINT,
  path: [...PAINT, 'd'],
  rect: [...PAINT, 'x', 'y', 'width', 'height', 'rx', 'ry'],
  line: [...PAINT, 'x1', 'y1', 'x2', 'y2'],
  circle: [...PAINT, 'cx', 'cy', 'r'],
  ellipse: [...PAINT, 'cx', 'cy', 'rx', 'ry'],
  polyline: [...PAINT, 'points'],
  polygon: [...PAINT, 'points'],
  text: [...PAINT, 'x', 'y', 'dx', 'dy'],
  tspan: [...PAINT, 'x', 'y', 'dx', 'dy'],
  defs: [],
  clipPath: ['id', 'clipPathUnits'],
  linearGradient: ['id', 'x1', 'y1', 'x2', 'y2', 'gradientUnits', 'gradientTransform', 'spreadMethod'],
  radialGradient: ['id', 'cx', 'cy', 'r', 'fx', 'fy', 'fr', 'gradientUnits', 'gradientTransform', 'spreadMethod'],
  stop: ['offset', 'stopColor', 'stopOpacity'],
};

/** Whether an attribute value may stay: one that names a URL must point into the chart itself (`url(#id)`). */
export function localPaint(value: string): boolean {
  return [...value.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)].every((match) => /^#[\w-]+$/.test(match[2] ?? '')) && !/url\(\s*(?!['"]?#)/i.test(value);
}
