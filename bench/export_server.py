#!/usr/bin/env python3
"""A stand-in Confluence for bench/export.sh, on 127.0.0.1 only, Python standard library only.

    export_server.py PORT cloud|dc PAGES DELAY_MS ATTACHMENTS

Serves a space BENCH of PAGES pages three levels deep (a tenth of a percent at the top, nine
children under each of those, the rest spread under the second level), each body about 4 KB of
storage XHTML, plus ATTACHMENTS small attachments spread over the pages. Every answer is delayed by
DELAY_MS (in the handler's own thread, so concurrent requests wait in parallel, as they would on a
real server). GET /__stats gives {"requests": N} (not counted itself); DELETE /__stats resets it.

Cloud shape: GET /wiki/api/v2/spaces?keys=, /wiki/api/v2/spaces/{id}/pages (250 a page, cursor
links, versions included), /wiki/api/v2/pages/{id}, /wiki/rest/api/content/search (200 a page),
/wiki/download/attachments/... Data Center shape: /rest/api/space/{key}/content/page (200 a page,
start links, expand=ancestors,version), /rest/api/content/{id}, /rest/api/content/search,
/download/attachments/...
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT = int(sys.argv[1])
SHAPE = sys.argv[2]
PAGES = int(sys.argv[3])
DELAY = int(sys.argv[4]) / 1000.0
ATTACHMENTS = int(sys.argv[5]) if len(sys.argv) > 5 else 0
KEY = "BENCH"
PAGE_SIZE = 250 if SHAPE == "cloud" else 200
SEARCH_SIZE = 200

TOP = max(1, PAGES // 100)
SECOND = min(PAGES - TOP, TOP * 9)


def parent(k):
    """Pages 1..PAGES: 1..TOP at the top, then SECOND under them, the rest under the second level."""
    if k <= TOP:
        return None
    if k <= TOP + SECOND:
        return 1 + (k - TOP - 1) % TOP
    return TOP + 1 + (k - TOP - SECOND - 1) % max(1, SECOND)


def ancestors(k):
    chain = []
    p = parent(k)
    while p is not None:
        chain.insert(0, p)
        p = parent(p)
    return chain


PARAGRAPH = "<p>" + ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 8) + "</p>"


def body(k):
    links = "".join(
        f'<p>See <ac:link><ri:page ri:content-title="Page {j}"/></ac:link>.</p>'
        for j in (parent(k), k + 1) if j is not None and j <= PAGES)
    text = f"<h1>Page {k}</h1>" + links
    while len(text) < 4096:
        text += PARAGRAPH
    return text


BODIES = {k: body(k) for k in range(1, PAGES + 1)}
ATTS = [(i, 1 + (i * 7) % PAGES) for i in range(1, ATTACHMENTS + 1)]  # (attachment, page)
ATT_BYTES = b"x" * 2048

lock = threading.Lock()
count = 0
connections = 0


def cloud_page(k, with_body):
    p = parent(k)
    page = {"id": str(k), "status": "current", "title": f"Page {k}", "spaceId": "1",
            "parentId": None if p is None else str(p), "parentType": None if p is None else "page",
            "position": k, "authorId": "a", "version": {"number": 1, "authorId": "a"},
            "_links": {"webui": f"/spaces/{KEY}/pages/{k}"}}
    if with_body:
        page["body"] = {"storage": {"value": BODIES[k], "representation": "storage"}}
    return page


def dc_page(k, with_body):
    page = {"id": str(k), "type": "page", "status": "current", "title": f"Page {k}",
            "space": {"key": KEY}, "version": {"number": 1},
            "ancestors": [{"id": str(a), "type": "page"} for a in ancestors(k)],
            "_links": {"webui": f"/display/{KEY}/{k}"}}
    if with_body:
        page["body"] = {"storage": {"value": BODIES[k], "representation": "storage"}}
    return page


def attachment(i, k, prefix):
    return {"id": ("att" if SHAPE == "cloud" else "") + str(10000 + i), "type": "attachment",
            "status": "current", "title": f"file{i}.bin", "version": {"number": 1},
            "container": {"id": str(k), "type": "page"},
            "extensions": {"mediaType": "application/octet-stream", "fileSize": len(ATT_BYTES)},
            "_links": {"download": f"/download/attachments/{k}/file{i}.bin?version=1"}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in one write with no Nagle delay: otherwise every keep-alive answer
    # can stall 40 ms on the client's delayed ACK, which would measure the server, not conf.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def setup(self):
        global connections
        super().setup()
        with lock:
            connections += 1

    def send(self, status, payload, content_type="application/json"):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        head = (f"HTTP/1.1 {status} {'OK' if status == 200 else 'Error'}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(data)}\r\n\r\n")
        self.wfile.write(head.encode() + data)
        self.wfile.flush()

    def do_DELETE(self):
        global count
        if self.path == "/__stats":
            with lock:
                count = 0
                connections = 0
            self.send(200, {"requests": 0})
        else:
            self.send(404, {"message": "no"})

    def do_GET(self):
        global count
        url = urlparse(self.path)
        if url.path == "/__stats":
            with lock:
                self.send(200, {"requests": count, "connections": connections})
            return
        with lock:
            count += 1
        time.sleep(DELAY)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        parts = url.path.strip("/").split("/")
        if SHAPE == "cloud":
            self.cloud(url.path, parts, q)
        else:
            self.dc(url.path, parts, q)

    def cloud(self, path, parts, q):
        if path == "/wiki/api/v2/spaces":
            self.send(200, {"results": [{"id": "1", "key": KEY, "name": "Bench", "type": "global",
                                         "status": "current"}], "_links": {}})
        elif path == "/wiki/api/v2/spaces/1/pages":
            start = int(q.get("cursor", "c0")[1:])
            items = [cloud_page(k, False) for k in range(start + 1, min(PAGES, start + PAGE_SIZE) + 1)]
            nxt = start + PAGE_SIZE
            links = {"next": f"/wiki/api/v2/spaces/1/pages?depth=all&limit={PAGE_SIZE}&cursor=c{nxt}"} if nxt < PAGES else {}
            self.send(200, {"results": items, "_links": links})
        elif len(parts) == 5 and parts[:4] == ["wiki", "api", "v2", "pages"]:
            self.send(200, cloud_page(int(parts[4]), True))
        elif path == "/wiki/rest/api/content/search":
            self.search(q, "/wiki/rest/api/content/search", "cursor")
        elif path.startswith("/wiki/download/attachments/"):
            self.send(200, ATT_BYTES, "application/octet-stream")
        else:
            self.send(404, {"message": "not found: " + path})

    def dc(self, path, parts, q):
        if path == f"/rest/api/space/{KEY}/content/page":
            start = int(q.get("start", "0"))
            items = [dc_page(k, False) for k in range(start + 1, min(PAGES, start + PAGE_SIZE) + 1)]
            nxt = start + PAGE_SIZE
            links = {"next": f"/rest/api/space/{KEY}/content/page?depth=all&expand=ancestors,version&limit={PAGE_SIZE}&start={nxt}"} if nxt < PAGES else {}
            self.send(200, {"results": items, "start": start, "limit": PAGE_SIZE, "size": len(items), "_links": links})
        elif path == "/rest/api/content/search":
            self.search(q, "/rest/api/content/search", "start")
        elif len(parts) == 4 and parts[:3] == ["rest", "api", "content"]:
            self.send(200, dc_page(int(parts[3]), True))
        elif path.startswith("/download/attachments/"):
            self.send(200, ATT_BYTES, "application/octet-stream")
        else:
            self.send(404, {"message": "not found: " + path})

    def search(self, q, base, param):
        raw = q.get(param, "0")
        start = int(raw[1:] if raw.startswith("c") else raw)
        chunk = ATTS[start:start + SEARCH_SIZE]
        items = [attachment(i, k, base) for i, k in chunk]
        nxt = start + SEARCH_SIZE
        token = f"c{nxt}" if param == "cursor" else str(nxt)
        links = {"next": f"{base.replace('/wiki', '', 1)}?limit={SEARCH_SIZE}&{param}={token}"} if nxt < len(ATTS) else {}
        self.send(200, {"results": items, "size": len(items), "_links": links})


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer.request_queue_size = 128
server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
