/**
 * The files a preview's build depends on, watched (chokidar): the source, the configuration
 * files beside it (also before they exist), the template's folder and base stylesheet, and
 * every file the last build read (images, chart data, bibliographies, styles), which changes
 * with each build.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { CONFIG_FILE_NAMES } from '../parse/config-file.ts';
import { TEMPLATES_DIR } from '../template/load-template.ts';

/** The files a preview watches. */
export class InputWatcher {
  private readonly watcher: FSWatcher;
  private readonly fixed: Set<string>;
  private watched = new Set<string>();
  private readonly ready: Promise<void>;

  /** Watch `source` and the files every build of it needs; `onChange` is called at every change. */
  constructor(source: string, onChange: (file: string) => void) {
    const folder = path.dirname(path.resolve(source));
    this.fixed = new Set([path.resolve(source), ...CONFIG_FILE_NAMES.map((name) => path.join(folder, name)), path.join(TEMPLATES_DIR, 'base.css')]);
    this.watcher = watch([...this.fixed], { ignoreInitial: true, persistent: true });
    this.watched = new Set(this.fixed);
    this.watcher.on('all', (_event, file) => onChange(file));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  /** Resolves once the first files are watched. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Watch these files (besides the fixed ones) from now on, and no longer the others. */
  setFiles(files: readonly string[], templateDir?: string): void {
    const wanted = new Set([...this.fixed, ...files.map((file) => path.resolve(file)), ...(templateDir ? [templateDir] : [])]);
    const added = [...wanted].filter((file) => !this.watched.has(file));
    const removed = [...this.watched].filter((file) => !wanted.has(file));
    if (added.length > 0) this.watcher.add(added);
    if (removed.length > 0) this.watcher.unwatch(removed);
    this.watched = wanted;
  }

  /** Stop watching. */
  close(): Promise<void> {
    return this.watcher.close();
  }
}
