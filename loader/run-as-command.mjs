// Whether the module at `url` is the script node was started with (run as a
// command), not imported by another; through any symbolic link to it.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export function runAsCommand(url) {
  const started = process.argv[1];
  if (started === undefined) return false;
  try {
    return pathToFileURL(fs.realpathSync(started)).href === url;
  } catch (error) {
    // Started with a first argument that is no file (node -e 'code' arg).
    if (error.code === 'ENOENT') return false;
    throw error;
  }
}
