"""The demo's static server sends the build's precompressed files as a CDN
does: run with `python3 scripts/test_static_server.py` (scripts/test does)."""

import functools
import gzip
import http.client
import http.server
import pathlib
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from static_server import Handler, accepted_encodings  # noqa: E402

MODULE = b"export default () => 'the widget';\n" * 40
# Not what a real compressor writes: the test tells the copies apart by their bytes.
BROTLI = b"brotli copy"
GZIP = gzip.compress(MODULE, mtime=0)
WASM = b"\0asm\1\0\0\0" + b"\0" * 200


class PrecompressedFiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        root = pathlib.Path(cls.folder.name)
        (root / "support-widget-0123abcd.js").write_bytes(MODULE)
        (root / "support-widget-0123abcd.js.br").write_bytes(BROTLI)
        (root / "support-widget-0123abcd.js.gz").write_bytes(GZIP)
        (root / "support-widget-0123abcd.wasm").write_bytes(WASM)
        (root / "support-widget-0123abcd.wasm.br").write_bytes(BROTLI)
        (root / "index.html").write_bytes(b"<!doctype html><title>portal</title>")
        (root / "index.html.gz").write_bytes(gzip.compress(b"<!doctype html><title>portal</title>", mtime=0))
        (root / "logo.png").write_bytes(b"\x89PNG not compressible")
        handler = functools.partial(Handler, directory=str(root))
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        cls.folder.cleanup()

    def get(self, path, accept_encoding=None, method="GET", server=None):
        connection = http.client.HTTPConnection(*(server or self.server).server_address, timeout=5)
        headers = {"Accept-Encoding": accept_encoding} if accept_encoding is not None else {}
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    def test_brotli_when_the_browser_accepts_it(self):
        response, body = self.get("/support-widget-0123abcd.js", "gzip, deflate, br, zstd")
        self.assertEqual(response.status, 200)
        self.assertEqual(body, BROTLI)
        self.assertEqual(response.getheader("Content-Encoding"), "br")
        self.assertEqual(response.getheader("Content-Type"), "text/javascript")
        self.assertEqual(response.getheader("Content-Length"), str(len(BROTLI)))
        self.assertEqual(response.getheader("Vary"), "Accept-Encoding")

    def test_the_webassembly_as_application_wasm(self):
        # What WebAssembly.instantiateStreaming requires, compressed or not.
        for header, body_sent in (("br, gzip", BROTLI), (None, WASM)):
            with self.subTest(header):
                response, body = self.get("/support-widget-0123abcd.wasm", header)
                self.assertEqual(body, body_sent)
                self.assertEqual(response.getheader("Content-Type"), "application/wasm")

    def test_gzip_when_brotli_is_not_accepted(self):
        for header in ("gzip, deflate", "br;q=0, gzip", "gzip;q=0.5, identity"):
            with self.subTest(header):
                response, body = self.get("/support-widget-0123abcd.js", header)
                self.assertEqual(response.getheader("Content-Encoding"), "gzip")
                self.assertEqual(gzip.decompress(body), MODULE)
                self.assertEqual(response.getheader("Content-Length"), str(len(GZIP)))
                self.assertEqual(response.getheader("Content-Type"), "text/javascript")

    def test_the_file_itself_when_no_coding_is_accepted(self):
        for header in (None, "identity", "br;q=0, gzip;q=0"):
            with self.subTest(header):
                response, body = self.get("/support-widget-0123abcd.js", header)
                self.assertEqual(body, MODULE)
                self.assertIsNone(response.getheader("Content-Encoding"))
                self.assertEqual(response.getheader("Content-Length"), str(len(MODULE)))
                self.assertEqual(response.getheader("Vary"), "Accept-Encoding")

    def test_a_folder_sends_its_index_compressed(self):
        response, body = self.get("/", "br, gzip")
        self.assertEqual(response.getheader("Content-Encoding"), "gzip")
        self.assertEqual(response.getheader("Content-Type"), "text/html")
        self.assertEqual(gzip.decompress(body), b"<!doctype html><title>portal</title>")

    def test_head_sends_the_headers_of_get(self):
        response, body = self.get("/support-widget-0123abcd.js", "br", method="HEAD")
        self.assertEqual(body, b"")
        self.assertEqual(response.getheader("Content-Encoding"), "br")
        self.assertEqual(response.getheader("Content-Length"), str(len(BROTLI)))

    def test_a_file_without_copies_is_sent_as_it_is(self):
        response, body = self.get("/logo.png", "br, gzip")
        self.assertEqual(body, b"\x89PNG not compressible")
        self.assertIsNone(response.getheader("Content-Encoding"))
        self.assertIsNone(response.getheader("Vary"))

    def test_hashed_files_are_kept_a_year_with_cache_hashed(self):
        class Hashed(Handler):
            cache_hashed = True

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Hashed, directory=self.folder.name))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for path, cache in (
                ("/support-widget-0123abcd.wasm", "public, max-age=31536000, immutable"),
                ("/index.html", "no-cache"),
                ("/before/demo-token", "no-store"),
            ):
                response, _ = self.get(path, server=server)
                self.assertEqual(response.getheader("Cache-Control"), cache, path)
        finally:
            server.shutdown()
            server.server_close()

    def test_the_demo_token_answers_beside_any_page(self):
        # No secret: nobody is signed in, at the root or below it.
        for path in ("/demo-token?as=partner", "/before/demo-token?as=partner"):
            response, body = self.get(path)
            self.assertEqual(response.status, 204, path)
            self.assertEqual(response.getheader("Cache-Control"), "no-store", path)
        response, _ = self.get("/not-demo-token")
        self.assertEqual(response.status, 404)

    def test_accept_encoding_weights(self):
        self.assertEqual(accepted_encodings("gzip, deflate, br"), {"br", "gzip"})
        self.assertEqual(accepted_encodings("*"), {"br", "gzip"})
        self.assertEqual(accepted_encodings("*, br;q=0"), {"gzip"})
        self.assertEqual(accepted_encodings("BR;Q=1.0"), {"br"})
        self.assertEqual(accepted_encodings(""), set())


if __name__ == "__main__":
    unittest.main()
