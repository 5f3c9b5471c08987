import type { ChartTable, ChartValue } from './chart-node.ts';

type Language = 'en' | 'zh';

const KINDS: Record<string, { en: string; zh: string }> = {
  bar: { en: 'Bar chart', zh: '柱状图' },
  line: { en: 'Line chart', zh: '折线图' },
  area: { en: 'Area chart', zh: '面积图' },
  point: { en: 'Scatter plot', zh: '散点图' },
  circle: { en: 'Scatter plot', zh: '散点图' },
  square: { en: 'Scatter plot', zh: '散点图' },
  arc: { en: 'Pie chart', zh: '饼图' },
  rect: { en: 'Heat map', zh: '热力图' },
  tick: { en: 'Tick plot', zh: '刻度图' },
  rule: { en: 'Rule chart', zh: '参考线图' },
  text: { en: 'Text chart', zh: '文字图' },
  trail: { en: 'Trail chart', zh: '轨迹图' },
  boxplot: { en: 'Box plot', zh: '箱线图' },
  errorbar: { en: 'Error bars', zh: '误差线图' },
  errorband: { en: 'Error band', zh: '误差带图' },
  geoshape: { en: 'Map', zh: '地图' },
};

/** Channels whose field is the measured value, in order of preference. */
const MEASURES = ['y', 'x', 'theta', 'size'];
/** Most categories named beside an extreme. */
const MAX_NAMED = 3;
/** Most series named. */
const MAX_SERIES = 10;

interface FieldDef {
  field?: unknown;
  type?: unknown;
  title?: unknown;
  axis?: unknown;
}

/**
 * The text alternative of a chart, made from its specification and its data: the chart type,
 * the axes and their titles, the series (a colour field's values), how many values there are,
 * and the minimum and maximum of the measured field with the categories they belong to.
 * Aggregations and transforms are not applied: the extremes are those of the data as given.
 */
export function describeChart(spec: Record<string, unknown>, table: ChartTable, language: Language): string {
  const units = unitSpecs(spec);
  const kinds = [...new Set(units.map((unit) => markType(unit['mark'])).filter((kind): kind is string => kind !== undefined))];
  const kind = kinds.map((name) => KINDS[name]?.[language] ?? name).join(language === 'zh' ? '与' : ' and ') || (language === 'zh' ? '图表' : 'Chart');
  const encoding: Record<string, FieldDef> = {};
  for (const unit of [spec, ...units]) Object.assign(encoding, definitions(unit['encoding']));
  const parts: string[] = [];
  const axes = (['x', 'y'] as const).filter((channel) => encoding[channel]).map((channel) => `${axisName(channel, language)}${language === 'zh' ? '：' : ': '}${titleOf(encoding[channel] ?? {})}`);
  if (axes.length > 0) parts.push(axes.join(language === 'zh' ? '；' : '; '));
  const series = encoding['color'] ?? encoding['detail'];
  const seriesField = typeof series?.field === 'string' && series.type !== 'quantitative' ? series.field : undefined;
  if (seriesField !== undefined) {
    const values = [...new Set(column(table, seriesField).filter((value) => value !== null).map(format))];
    const shown = values.slice(0, MAX_SERIES).join(language === 'zh' ? '、' : ', ') + (values.length > MAX_SERIES ? (language === 'zh' ? '等' : '…') : '');
    parts.push(language === 'zh' ? `系列（${titleOf(series ?? {})}）：${shown}` : `Series (${titleOf(series ?? {})}): ${shown}`);
  }
  const head = `${kind}${language === 'zh' ? '。' : '. '}${parts.map((part) => `${part}${language === 'zh' ? '。' : '. '}`).join('')}`;
  return `${head}${extremes(encoding, table, language)}`.trim();
}

/** The unit specifications (with a mark) of a specification, layers and concatenations included. */
function unitSpecs(spec: Record<string, unknown>): Record<string, unknown>[] {
  const units: Record<string, unknown>[] = 'mark' in spec ? [spec] : [];
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) {
    const list = spec[key];
    if (Array.isArray(list)) for (const inner of list) if (typeof inner === 'object' && inner !== null) units.push(...unitSpecs(inner as Record<string, unknown>));
  }
  const inner = spec['spec'];
  if (typeof inner === 'object' && inner !== null) units.push(...unitSpecs(inner as Record<string, unknown>));
  return units;
}

function markType(mark: unknown): string | undefined {
  if (typeof mark === 'string') return mark;
  if (typeof mark === 'object' && mark !== null && typeof (mark as { type?: unknown }).type === 'string') return (mark as { type: string }).type;
  return undefined;
}

function definitions(encoding: unknown): Record<string, FieldDef> {
  if (typeof encoding !== 'object' || encoding === null) return {};
  return Object.fromEntries(Object.entries(encoding as Record<string, unknown>).filter((entry): entry is [string, FieldDef] => typeof entry[1] === 'object' && entry[1] !== null && !Array.isArray(entry[1])));
}

function axisName(channel: 'x' | 'y', language: Language): string {
  if (language === 'zh') return channel === 'x' ? '横轴' : '纵轴';
  return channel === 'x' ? 'X axis' : 'Y axis';
}

/** A channel's title: its own, its axis' or legend's, else its field. */
function titleOf(definition: FieldDef): string {
  const axis = typeof definition.axis === 'object' && definition.axis !== null ? (definition.axis as { title?: unknown }).title : undefined;
  const title = definition.title ?? axis;
  if (typeof title === 'string' && title.trim() !== '') return title;
  if (Array.isArray(title)) return title.join(' ');
  return typeof definition.field === 'string' ? definition.field : '';
}

function column(table: ChartTable, field: string): ChartValue[] {
  const index = table.columns.indexOf(field);
  return index === -1 ? [] : table.rows.map((row) => row[index] ?? null);
}

function format(value: ChartValue): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** `共3项数据，最小值3（…），最大值6（…）。` / `3 data points; minimum 3 (…), maximum 6 (…).` */
function extremes(encoding: Record<string, FieldDef>, table: ChartTable, language: Language): string {
  const count = table.rows.length;
  const counted = language === 'zh' ? `共${count}项数据` : `${count} data point${count === 1 ? '' : 's'}`;
  const measure = MEASURES.find((channel) => encoding[channel]?.type === 'quantitative' && typeof encoding[channel]?.field === 'string');
  const field = measure ? (encoding[measure]?.field as string) : undefined;
  const values = field === undefined ? [] : column(table, field);
  const numbers = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (field === undefined || numbers.length === 0) return language === 'zh' ? `${counted}。` : `${counted}.`;
  const categoryChannel = ['x', 'y', 'color', 'theta'].find((channel) => channel !== measure && typeof encoding[channel]?.field === 'string' && encoding[channel]?.type !== 'quantitative');
  const categoryField = categoryChannel ? (encoding[categoryChannel]?.field as string) : undefined;
  const categories = categoryField === undefined ? [] : column(table, categoryField);
  const at = (target: number) => {
    const named = values.flatMap((value, index) => (value === target && categories[index] !== undefined && categories[index] !== null ? [format(categories[index] ?? null)] : []));
    const unique = [...new Set(named)];
    if (unique.length === 0) return '';
    const shown = unique.slice(0, MAX_NAMED).join(language === 'zh' ? '、' : ', ') + (unique.length > MAX_NAMED ? (language === 'zh' ? '等' : ' and others') : '');
    return language === 'zh' ? `（${shown}）` : ` (${shown})`;
  };
  const minimum = Math.min(...numbers);
  const maximum = Math.max(...numbers);
  return language === 'zh' ? `${counted}，最小值${minimum}${at(minimum)}，最大值${maximum}${at(maximum)}。` : `${counted}; minimum ${minimum}${at(minimum)}, maximum ${maximum}${at(maximum)}.`;
}
