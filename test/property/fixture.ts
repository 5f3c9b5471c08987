import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTemplate, type Template } from '../../pipeline/template/load-template.ts';
import { temporaryFolder, TINY_PNG } from '../helpers/report.ts';
import { IMAGE_FILE } from './documents.ts';

/** A folder for generated sources, holding the real PNG their images name (`missing.png` is not there). */
export async function sourceFolder(): Promise<string> {
  const folder = await temporaryFolder('press-property-');
  await writeFile(path.join(folder, IMAGE_FILE), TINY_PNG);
  return folder;
}

const templates = new Map<string, Promise<Template>>();

/** A template by name, loaded once per test file. */
export function templateNamed(name: string): Promise<Template> {
  let template = templates.get(name);
  if (!template) {
    template = loadTemplate(name);
    templates.set(name, template);
  }
  return template;
}

/** The fixed date every property test renders with. */
export const RENDER_DATE = new Date(Date.UTC(2024, 0, 1));
