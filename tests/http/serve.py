#!/usr/bin/python3
"""The HTTP server of the fetch tests (tests/unit/ingest/fetch_test.cc).

  /usr/bin/python3 serve.py [DIR]

Binds 127.0.0.1 on a free port, prints the port on its first line of
standard output and serves until killed. Standard library only. DIR holds
files the test wrote: /br serves DIR/body.br as a brotli body.

Routes:
  /page.html        a small HTML page (Last-Modified set)
  /latin1           text/plain; charset=iso-8859-1, Latin-1 bytes
  /quoted-charset   text/html; charset="UTF-8" (a quoted parameter)
  /echo-ua          the request's User-Agent as the body
  /delay/MS         "delay MS" after MS milliseconds
  /redirect         302 -> /page.html
  /chain/N          N redirects (relative Locations), then the page
  /loop             302 -> /loop, for ever
  /to-file /to-ftp /to-data /to-js   302 to a file:, ftp:, data:, javascript: address
  /to-bad           302 to an address that cannot be parsed
  /no-location      302 without a Location
  /slow             sleeps 5 s, then the page
  /trickle          a byte per second, for ever
  /endless          a fast body without end
  /huge             Content-Length: 10^12, then nothing for 10 s
  /404 /500         errors
  /gzip             the page, Content-Encoding: gzip
  /gzip-bomb        1 GiB of zeros gzip-compressed on the fly (about 1 MB sent)
  /br               DIR/body.br with Content-Encoding: br
  /files/NAME       DIR/files/NAME as it is (type by extension), 404 when missing
                    (tests/golden/inputs.sh serves pages and a feed from there)
"""
import gzip
import http.server
import os
import sys
import time
import zlib

PAGE = (b"<!doctype html><html><head><title>Test page</title></head>"
        b"<body><p>Hello from the test server.</p></body></html>\n")
LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT"
REDIRECTS = {
    "/redirect": "/page.html",
    "/loop": "/loop",
    "/to-file": "file:///etc/hostname",
    "/to-ftp": "ftp://127.0.0.1/file.txt",
    "/to-data": "data:text/plain,hello",
    "/to-js": "javascript:alert(1)",
    "/to-bad": "http://[::1/x",
}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # every body ends with its connection

    def log_message(self, *args):
        pass

    def send_body(self, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location):
        self.send_response(302)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream(self, content_type, chunks, headers=()):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/page.html":
            self.send_body(PAGE, headers=[("Last-Modified", LAST_MODIFIED)])
        elif path == "/latin1":
            self.send_body("café crème, naïve\n".encode("latin-1"),
                           "text/plain; charset=iso-8859-1")
        elif path == "/quoted-charset":
            self.send_body(PAGE, 'text/html; charset="UTF-8"')
        elif path == "/echo-ua":
            self.send_body(self.headers.get("User-Agent", "").encode(), "text/plain")
        elif path.startswith("/delay/"):
            ms = int(path[len("/delay/"):])
            time.sleep(ms / 1000)
            self.send_body(b"delay %d" % ms, "text/plain")
        elif path in REDIRECTS:
            self.redirect(REDIRECTS[path])
        elif path == "/no-location":
            self.redirect(None)
        elif path.startswith("/chain/"):
            n = int(path[len("/chain/"):])
            if n > 0:
                self.redirect("/chain/%d" % (n - 1))
            else:
                self.send_body(PAGE)
        elif path == "/slow":
            time.sleep(5)
            self.send_body(PAGE)
        elif path == "/trickle":
            self.stream("text/plain", self.trickle())
        elif path == "/endless":
            self.stream("text/plain", iter(lambda: b"x" * 65536, None))
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
            self.wfile.flush()
            time.sleep(10)
        elif path == "/404":
            self.send_error(404)
        elif path == "/500":
            self.send_error(500)
        elif path == "/gzip":
            body = gzip.compress(PAGE)
            self.send_body(body, headers=[("Content-Encoding", "gzip")])
        elif path == "/gzip-bomb":
            self.stream("text/plain", self.gzip_zeros(1 << 30),
                        headers=[("Content-Encoding", "gzip")])
        elif path.startswith("/files/") and "/" not in path[len("/files/"):]:
            name = os.path.join(sys.argv[1], "files", path[len("/files/"):])
            if not os.path.isfile(name):
                self.send_error(404)
                return
            with open(name, "rb") as f:
                body = f.read()
            kinds = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml",
                     ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}
            self.send_body(body, kinds.get(os.path.splitext(name)[1], "application/octet-stream"))
        elif path == "/br":
            with open(os.path.join(sys.argv[1], "body.br"), "rb") as f:
                body = f.read()
            self.send_body(body, "text/plain; charset=utf-8", [("Content-Encoding", "br")])
        else:
            self.send_error(404)

    @staticmethod
    def trickle():
        while True:
            yield b"x"
            time.sleep(1)

    @staticmethod
    def gzip_zeros(size):
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
        zeros = bytes(1 << 20)
        for _ in range(size // len(zeros)):
            out = compressor.compress(zeros)
            if out:
                yield out
        yield compressor.flush()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # tests connect many at once; the default 5 drops some

    def handle_error(self, request, client_address):
        pass  # a client that hangs up early is what several tests do


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
