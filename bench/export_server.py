#!/usr/bin/env python3
"""A stand-in Confluence for bench/export.sh, on 127.0.0.1 only, Python standard library only.

    export_server.py PORT cloud|dc PAGES DELAY_MS ATTACHMENTS

Serves a space BENCH of PAGES pages three levels deep (a tenth of a percent at the top, nine
children under each of those, the rest spread under the second level), each body about 4 KB of
storage XHTML, plus ATTACHMENTS small attachments spread over the pages. Every answer is delayed by
DELAY_MS (in the handler's own thread, so concurrent requests wait in parallel, as they would on a
real server). GET /__stats gives {"requests": N} (not counted itself); DELETE /__stats resets it.

Rate limits and faults (bench/limits.sh), set with GET /__config?KEY=VALUE&... at any time:
  rate=R        a token bucket of R requests a second, burst R, over every request (0: none);
                refused requests get 429 with Retry-After
  headers=S     cloud: X-RateLimit-Limit/-Remaining/-NearLimit, and on 429 X-RateLimit-Reset (an
                ISO instant) and RateLimit-Reason; dc: X-RateLimit-Limit/-Remaining/
                -Interval-Seconds/-FillRate; none: only Retry-After
  faults=F      a fraction F of requests fail in one of eight ways, drawn in turn from a seeded
                generator: 500, 502, 503, 429, reset (connection dropped before an answer), hang
                (no answer for hang_s seconds, then dropped), slow body, cut-off body
  hang_s=S      how long a hang lasts (default 65: past conf's 60 s read timeout)
  quota_after=N after N more requests every request is refused as a spent quota
                (RateLimit-Reason: confluence-quota-tenant-based, X-RateLimit-Reset 2 hours on)
/__stats also counts "refused" (429s), "faults" by kind and "connections".
Attachment downloads honour Range: bytes=N- (206 with Content-Range).

Cloud shape: GET /wiki/api/v2/spaces?keys=, /wiki/api/v2/spaces/{id}/pages (250 a page, cursor
links, versions included), /wiki/api/v2/pages/{id}, /wiki/rest/api/content/search (200 a page),
/wiki/download/attachments/... Data Center shape: /rest/api/space/{key}/content/page (200 a page,
start links, expand=ancestors,version), /rest/api/content/{id}, /rest/api/content/search,
/download/attachments/...
"""
import datetime
import json
import math
import random
import socket
import struct
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
refused = 0
faults = {}
CONFIG = {"rate": 0.0, "headers": "none", "faults": 0.0, "hang_s": 65.0, "quota_after": -1}
bucket = {"tokens": 0.0, "at": time.monotonic()}
rng = random.Random(17)
KINDS = ["500", "502", "503", "429", "reset", "hang", "slow", "cut"]
fault_turn = [0]


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def take_token():
    """(allowed, remaining, seconds until a token) from the shared bucket."""
    rate = CONFIG["rate"]
    now = time.monotonic()
    bucket["tokens"] = min(rate, bucket["tokens"] + (now - bucket["at"]) * rate)
    bucket["at"] = now
    if bucket["tokens"] >= 1:
        bucket["tokens"] -= 1
        return True, bucket["tokens"], 0.0
    return False, bucket["tokens"], (1 - bucket["tokens"]) / rate


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

    extra = ()
    fault = None

    def send(self, status, payload, content_type="application/json", more=()):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        head = (f"HTTP/1.1 {status} {'OK' if status in (200, 206) else 'Error'}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(data)}\r\n")
        for name, value in list(self.extra) + list(more):
            head += f"{name}: {value}\r\n"
        head = (head + "\r\n").encode()
        if self.fault == "cut":
            # The headers and half the body, then the connection drops.
            self.wfile.write(head + data[: len(data) // 2])
            self.wfile.flush()
            self.drop()
            return
        if self.fault == "slow":
            self.wfile.write(head)
            for i in range(0, len(data), max(1, len(data) // 10)):
                self.wfile.write(data[i:i + max(1, len(data) // 10)])
                self.wfile.flush()
                time.sleep(0.1)
            return
        self.wfile.write(head + data)
        self.wfile.flush()

    def drop(self):
        """Closes the connection at once (a reset: SO_LINGER 0)."""
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True

    def admit(self):
        """Rate limit, quota and faults for one request; False when it was answered already."""
        global refused
        self.extra, self.fault = (), None
        style = CONFIG["headers"]
        with lock:
            quota = CONFIG["quota_after"]
            if quota == 0:
                refused += 1
                reset = time.time() + 7200
                self.send(429, {"message": "quota exceeded"}, more=[
                    ("Retry-After", "7200"), ("X-RateLimit-Reset", iso(reset)),
                    ("RateLimit-Reason", "confluence-quota-tenant-based")])
                return False
            if quota > 0:
                CONFIG["quota_after"] = quota - 1
            kind = None
            if CONFIG["faults"] > 0 and rng.random() < CONFIG["faults"]:
                kind = KINDS[fault_turn[0] % len(KINDS)]
                fault_turn[0] += 1
                faults[kind] = faults.get(kind, 0) + 1
            allowed, remaining, wait = (True, 0, 0)
            if CONFIG["rate"] > 0:
                allowed, remaining, wait = take_token()
        rate = CONFIG["rate"]
        if rate > 0 and style == "dc":
            self.extra = [("X-RateLimit-Limit", str(int(rate))),
                          ("X-RateLimit-Remaining", str(int(remaining))),
                          ("X-RateLimit-Interval-Seconds", "1"),
                          ("X-RateLimit-FillRate", str(int(rate)))]
        elif rate > 0 and style == "cloud":
            self.extra = [("X-RateLimit-Limit", str(int(rate))),
                          ("X-RateLimit-Remaining", str(int(remaining)))]
            if remaining < 0.2 * rate:
                self.extra.append(("X-RateLimit-NearLimit", "true"))
        if not allowed:
            with lock:
                refused += 1
            more = [("Retry-After", str(max(1, math.ceil(wait))))]
            if style == "cloud":
                more += [("X-RateLimit-Reset", iso(time.time() + wait)),
                         ("RateLimit-Reason", "confluence-burst-based")]
            self.send(429, {"message": "rate limited"}, more=more)
            return False
        if kind in ("500", "502", "503", "429"):
            with lock:
                if kind == "429":
                    refused += 1
            self.send(int(kind), {"message": "injected " + kind},
                      more=[("Retry-After", "1")] if kind in ("429", "503") else [])
            return False
        if kind == "reset":
            self.drop()
            return False
        if kind == "hang":
            time.sleep(CONFIG["hang_s"])
            self.drop()
            return False
        self.fault = kind
        return True

    def do_DELETE(self):
        global count, connections, refused
        if self.path == "/__stats":
            with lock:
                count = 0
                connections = 0
                refused = 0
                faults.clear()
            self.send(200, {"requests": 0})
        else:
            self.send(404, {"message": "no"})

    def do_GET(self):
        global count
        self.extra, self.fault = (), None
        url = urlparse(self.path)
        if url.path == "/__stats":
            with lock:
                self.send(200, {"requests": count, "connections": connections,
                                "refused": refused, "faults": faults})
            return
        if url.path == "/__config":
            for k, v in parse_qs(url.query).items():
                CONFIG[k] = v[0] if k == "headers" else float(v[0])
            CONFIG["quota_after"] = int(CONFIG["quota_after"])
            with lock:
                bucket["tokens"], bucket["at"] = CONFIG["rate"], time.monotonic()
            self.send(200, CONFIG)
            return
        with lock:
            count += 1
        if not self.admit():
            return
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
            self.attachment()
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
            self.attachment()
        else:
            self.send(404, {"message": "not found: " + path})

    def attachment(self):
        rng_header = self.headers.get("Range", "")
        if rng_header.startswith("bytes=") and rng_header.endswith("-"):
            start = int(rng_header[6:-1])
            self.send(206, ATT_BYTES[start:], "application/octet-stream", more=[
                ("Content-Range", f"bytes {start}-{len(ATT_BYTES) - 1}/{len(ATT_BYTES)}"),
                ("ETag", '"a1"')])
        else:
            self.send(200, ATT_BYTES, "application/octet-stream", more=[("ETag", '"a1"')])

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
