// Whether the module at `url` is the script node was started with (run as a
// command), not imported by another; through any symbolic link to it.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export function runAsCommand(url) {
  const started = process.argv[1];
  return started !== undefined && pathToFileURL(fs.realpathSync(started)).href === url;
}
