import { readFile, stat } from 'node:fs/promises';

/**
 * Read a whole file that must be a regular file. A folder, a named pipe, a device or a socket is
 * refused before it is opened: a pipe with no writer blocks the read (past any time limit, and
 * deaf to signals), a device such as `/dev/zero` never ends.
 */
export async function readRegularFile(filePath: string): Promise<Buffer> {
  const stats = await stat(filePath);
  if (stats.isDirectory()) throw new Error('it is a folder, not a file');
  if (!stats.isFile()) throw new Error('it is not a regular file (a named pipe, a device or a socket)');
  return readFile(filePath);
}
