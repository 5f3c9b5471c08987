import { compile, type TopLevelSpec } from 'vega-lite';
import { closestWord } from '../util/did-you-mean.ts';

/** A place in the specification: its keys and indexes from the top. */
export type SpecPath = (string | number)[];

/** A problem of a chart specification, at a path of the specification. */
export type SpecProblem =
  | { rule: 'chart-spec'; message: string; path: SpecPath }
  | { rule: 'chart-warning'; message: string; path: SpecPath }
  | { rule: 'chart-field-unknown'; field: string; channel: string; fields: string[]; suggestion: string | undefined; path: SpecPath };

/** Vega-Lite's marks, less `image` (it loads pictures from URLs). */
const MARKS = ['arc', 'area', 'bar', 'line', 'point', 'rect', 'rule', 'text', 'tick', 'trail', 'circle', 'square', 'geoshape', 'boxplot', 'errorband', 'errorbar'];
const TYPES = ['quantitative', 'nominal', 'ordinal', 'temporal', 'geojson'];
/** Transforms whose output fields cannot be known before the data flows (pivot makes a field per value). */
const OPEN_TRANSFORMS = ['pivot', 'fold', 'flatten', 'lookup', 'extent', 'density', 'loess', 'regression', 'quantile'];

/** One view of the specification with a mark and an encoding, and where it is. */
interface Unit {
  spec: Record<string, unknown>;
  path: SpecPath;
}

/**
 * Check a specification whose data has the fields `columns`: its marks and encoding types by
 * name (Vega-Lite's own messages for those are about JavaScript, not the spec), every field an
 * encoding uses against the data and the fields its transforms make, then compile it, Vega-Lite's
 * error and warnings becoming problems. Returns the problems and, when none is an error, the
 * compiled Vega specification.
 */
export function checkSpec(spec: TopLevelSpec, columns: readonly string[]): { problems: SpecProblem[]; vega?: object } {
  const problems: SpecProblem[] = [];
  const units = unitsOf(spec as unknown as Record<string, unknown>, []);
  const known = new Set([...columns, ...madeFields(spec as unknown as Record<string, unknown>)]);
  const open = hasOpenTransform(spec as unknown as Record<string, unknown>);
  for (const unit of units) {
    const mark = unit.spec['mark'];
    const type = typeof mark === 'object' && mark !== null ? (mark as Record<string, unknown>)['type'] : mark;
    const markPath = typeof mark === 'object' && mark !== null ? [...unit.path, 'mark', 'type'] : [...unit.path, 'mark'];
    if (mark !== undefined && (typeof type !== 'string' || !MARKS.includes(type))) {
      const suggestion = typeof type === 'string' ? closestWord(type, MARKS) : undefined;
      problems.push({ rule: 'chart-spec', message: `invalid mark type “${String(type)}”${type === 'image' ? ' (image marks load pictures from URLs: not supported)' : ''}; the marks are ${MARKS.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, path: markPath });
    }
    const encoding = unit.spec['encoding'];
    if (typeof encoding !== 'object' || encoding === null) continue;
    for (const [channel, raw] of Object.entries(encoding as Record<string, unknown>)) {
      for (const [index, definition] of (Array.isArray(raw) ? raw : [raw]).entries()) {
        if (typeof definition !== 'object' || definition === null) continue;
        const where = Array.isArray(raw) ? [...unit.path, 'encoding', channel, index] : [...unit.path, 'encoding', channel];
        const { field, type: fieldType } = definition as Record<string, unknown>;
        if (fieldType !== undefined && (typeof fieldType !== 'string' || !TYPES.includes(fieldType))) {
          problems.push({ rule: 'chart-spec', message: `invalid type “${String(fieldType)}” of encoding ${channel}; the types are ${TYPES.join(', ')}`, path: [...where, 'type'] });
        }
        if (typeof field !== 'string' || open) continue;
        const name = topField(field);
        if (!known.has(name)) {
          problems.push({ rule: 'chart-field-unknown', field, channel, fields: [...columns], suggestion: closestWord(name, [...known]), path: [...where, 'field'] });
        }
      }
    }
  }
  for (const path of linkPaths(spec, [])) problems.push({ rule: 'chart-spec', message: 'links (href) are not supported: a chart is one image and holds no links', path });
  if (problems.some((problem) => problem.rule !== 'chart-warning')) return { problems };
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...messages: unknown[]) => {
      warnings.push(messages.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error: (...messages: unknown[]) => {
      warnings.push(messages.map(String).join(' '));
      return logger;
    },
  };
  try {
    const compiled = compile(spec, { logger: logger as never });
    for (const message of [...new Set(warnings)]) problems.push({ rule: 'chart-warning', message, path: [] });
    return { problems, vega: compiled.spec };
  } catch (failure) {
    problems.push({ rule: 'chart-spec', message: failure instanceof Error ? failure.message : String(failure), path: [] });
    return { problems };
  }
}

/** Where a specification asks for links: every `href` key (an encoding channel or a mark property), its data left out. */
function linkPaths(value: unknown, path: SpecPath): SpecPath[] {
  if (Array.isArray(value)) return value.flatMap((inner, index) => linkPaths(inner, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => (key === 'href' ? [[...path, key]] : key === 'data' || key === 'datasets' ? [] : linkPaths(inner, [...path, key])));
}

/** The unit views of a specification (layers, concatenations and the inner spec of facets and repeats included). */
function unitsOf(spec: Record<string, unknown>, path: SpecPath): Unit[] {
  const units: Unit[] = [];
  if ('mark' in spec || 'encoding' in spec) units.push({ spec, path });
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) {
    const list = spec[key];
    if (Array.isArray(list)) list.forEach((inner, index) => typeof inner === 'object' && inner !== null && units.push(...unitsOf(inner as Record<string, unknown>, [...path, key, index])));
  }
  const inner = spec['spec'];
  if (typeof inner === 'object' && inner !== null) units.push(...unitsOf(inner as Record<string, unknown>, [...path, 'spec']));
  return units;
}

/** Every field name a transform makes (`as`), anywhere in the specification. */
function madeFields(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(madeFields);
  if (typeof value !== 'object' || value === null) return [];
  const made: string[] = [];
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'as') made.push(...(Array.isArray(inner) ? inner : [inner]).filter((name): name is string => typeof name === 'string'));
    else if (key !== 'data' && key !== 'datasets') made.push(...madeFields(inner));
  }
  return made;
}

function hasOpenTransform(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasOpenTransform);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value as Record<string, unknown>).some(([key, inner]) => (key === 'transform' && Array.isArray(inner) && inner.some((step) => typeof step === 'object' && step !== null && OPEN_TRANSFORMS.some((name) => name in step))) || (key !== 'data' && hasOpenTransform(inner)));
}

/** The record field a field reference reads: `a.b` reads `a`, `a\.b` the field named `a.b`. */
function topField(field: string): string {
  const match = /^((?:\\.|[^.\\[])+)/.exec(field);
  return (match?.[1] ?? field).replace(/\\(.)/g, '$1');
}
