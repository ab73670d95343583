"""Serves a folder over HTTP on loopback, as a CDN would serve dist/.

Unlike `python3 -m http.server` it sends `Access-Control-Allow-Origin: *`,
which a page on another origin needs to load the widget's module script and
WebAssembly, and `Cache-Control: no-cache` for the stable-named files.
"""

import argparse
import functools
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm", ".js": "text/javascript"}

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--directory", default="dist")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    handler = functools.partial(Handler, directory=args.directory)
    with http.server.ThreadingHTTPServer((host, int(port)), handler) as server:
        print(f"static server on http://{args.listen}/ serving {args.directory}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
