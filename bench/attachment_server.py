#!/usr/bin/env python3
"""A stand-in Data Center server for bench/attachments.sh, on 127.0.0.1 only.

Speaks just enough of REST v1 for `conf attachment upload` and `download`:
  GET  /rest/api/content/42/child/attachment[?filename=]  an empty listing (so uploads are new)
  POST /rest/api/content/42/child/attachment              drains the multipart body, answers JSON
  GET  /rest/api/content/1001                             attachment 1001 of SIZE bytes
  GET  /download/attachments/42/big.bin                   SIZE zero bytes, streamed
Memory stays flat: bodies are read and written in 1 MiB steps.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIZE = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
CHUNK = 1 << 20
ZEROS = bytes(CHUNK)


def attachment(size):
    return {
        "id": "1001",
        "type": "attachment",
        "status": "current",
        "title": "big.bin",
        "version": {"number": 1, "when": "2026-11-29T12:00:00.000Z"},
        "extensions": {"mediaType": "application/octet-stream", "fileSize": size},
        "container": {"id": "42", "type": "page"},
        "_links": {"download": "/download/attachments/42/big.bin?version=1"},
    }


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def json(self, obj, status=200):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/rest/api/content/42/child/attachment":
            self.json({"results": [], "start": 0, "limit": 100, "size": 0, "_links": {}})
        elif path == "/rest/api/content/1001":
            self.json(attachment(SIZE))
        elif path == "/download/attachments/42/big.bin":
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(SIZE))
            self.end_headers()
            left = SIZE
            while left > 0:
                n = min(left, CHUNK)
                self.wfile.write(ZEROS if n == CHUNK else bytes(n))
                left -= n
        else:
            self.json({"message": "not found: " + path}, 404)

    def do_POST(self):
        path = self.path.split("?")[0]
        if path != "/rest/api/content/42/child/attachment":
            self.json({"message": "not found"}, 404)
            return
        if self.headers.get("X-Atlassian-Token") != "no-check":
            self.json({"message": "XSRF check failed"}, 403)
            return
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            received = 0
            while True:
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                left = size
                while left > 0:
                    left -= len(self.rfile.read(min(left, CHUNK)))
                received += size
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length", "0"))
            received = left
            while left > 0:
                got = self.rfile.read(min(left, CHUNK))
                if not got:
                    break
                left -= len(got)
        # The multipart envelope adds a few hundred bytes to the file.
        self.json({"results": [attachment(received)], "size": 1})


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
