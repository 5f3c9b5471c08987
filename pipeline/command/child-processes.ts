import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { killBrowserProcess, profileDirOf } from '../browser/browser-processes.ts';

const run = promisify(execFile);

/** A process started by this one: its id and command line. */
export interface ChildProcessInfo {
  pid: number;
  args: string[];
}

/**
 * The processes whose parent is `parent` (this process by default), whichever thread started
 * them: from `/proc` on Linux, else from `ps`. Empty when neither can be read (Windows).
 */
export async function childProcesses(parent: number = process.pid): Promise<ChildProcessInfo[]> {
  try {
    return await fromProc(parent);
  } catch {
    try {
      return await fromPs(parent);
    } catch {
      return [];
    }
  }
}

async function fromProc(parent: number): Promise<ChildProcessInfo[]> {
  const children: ChildProcessInfo[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …; the command name may itself hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').filter(Boolean);
      children.push({ pid: Number(entry), args });
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

async function fromPs(parent: number): Promise<ChildProcessInfo[]> {
  const { stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,args=']);
  const children: ChildProcessInfo[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[2]) === parent) children.push({ pid: Number(match[1]), args: (match[3] ?? '').split(/\s+/) });
  }
  return children;
}

/**
 * End every process this one started, with its process group when it leads one (a browser with
 * its renderers), and remove a browser's temporary profile folder. For a command that must stop
 * at once: a browser still being launched is not yet known to anything else. Never throws.
 */
export async function endChildProcesses(parent: number = process.pid): Promise<number> {
  const children = await childProcesses(parent);
  await Promise.all(
    children.map((child) => {
      const profileDir = profileDirOf(child.args);
      return killBrowserProcess(profileDir === undefined ? { pid: child.pid } : { pid: child.pid, profileDir });
    }),
  );
  return children.length;
}
