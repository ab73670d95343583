"""Serves a folder over HTTP on loopback, as a CDN would serve dist/.

Unlike `python3 -m http.server` it sends `Access-Control-Allow-Origin: *`,
which a page on another origin needs to load the widget's module script and
WebAssembly, and `Cache-Control: no-cache` for the stable-named files. With
--cache-hashed, the files with a content hash in their names are sent as
cacheable for a year, as the README advises deployers (the benchmark's warm
loads measure that).
"""

import argparse
import functools
import http.server
import re

# support-widget-<hash>.wasm.js, support-widget-messages-<hash>.zh-CN.js, …
HASHED = re.compile(r"-[0-9a-f]+\.[A-Za-z0-9.-]+$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    cache_hashed = False

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        path = self.path.split("?", 1)[0]
        if self.cache_hashed and HASHED.search(path):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--directory", default="dist")
    parser.add_argument("--cache-hashed", action="store_true", help="let browsers cache content-hashed files for a year")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    Handler.cache_hashed = args.cache_hashed
    handler = functools.partial(Handler, directory=args.directory)
    with http.server.ThreadingHTTPServer((host, int(port)), handler) as server:
        print(f"static server on http://{args.listen}/ serving {args.directory}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
