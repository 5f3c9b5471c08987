import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadTemplate } from '../template/load-template.ts';
import { TEMPLATE_NAMES } from '../template/names.ts';
import { findPackageDir } from '../render/pdf/local-files.ts';
import { settingsOf } from '../fonts/print-fonts.ts';
import { fileStamp } from './hash.ts';

/**
 * The identity of every print font any template may use, as `source → identity`: an npm font
 * package by its installed version (`npm:<package>` → version, or null when not installed), a
 * Debian font file and a configured font file (`PRESS_FONT_*`) by path, size and modification
 * time (`file:<path>` → `<size>:<mtime>`), a configured system face by the setting itself.
 * Font files are large: they are never read here. Taken over all templates, since the template
 * a source uses is known only once it is parsed.
 */
export async function fontIdentity(env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string | null>> {
  const identity: Record<string, string | null> = {};
  const settings = settingsOf(env);
  for (const name of TEMPLATE_NAMES) {
    const template = await loadTemplate(name, { env });
    for (const font of template.printFontFiles) {
      if ('package' in font) {
        identity[`npm:${font.package}`] ??= await packageVersion(font.package);
      } else if ('files' in font) {
        for (const file of font.files) identity[`file:${file.path}`] ??= await fileStamp(file.path);
      } else {
        const value = settings[font.setting] ?? '';
        identity[`setting:${font.setting}`] = value;
        if (value !== '' && value !== 'system') identity[`file:${path.resolve(value)}`] ??= await fileStamp(path.resolve(value));
      }
    }
  }
  return identity;
}

async function packageVersion(name: string): Promise<string | null> {
  const dir = await findPackageDir(name);
  if (dir === undefined) return null;
  try {
    const json: unknown = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    return typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string' ? json.version : 'unknown';
  } catch {
    return null;
  }
}
