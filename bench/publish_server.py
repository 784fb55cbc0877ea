#!/usr/bin/env python3
"""A stand-in Confluence for bench/publish.sh: just the operations `conf publish` uses, with state.

    bench/publish_server.py cloud|dc PORT [PAGE_CAP]

Pages, labels and content properties are kept in memory, so a second publish sees what the first
wrote. The v1 content search answers at most PAGE_CAP results a request (default 200) with next
links (a cursor on Cloud, start on Data Center). GET /__stats says how many reads (GET) and writes
(anything else) were served since GET /__reset. Loopback only; python3 standard library only.
"""
import json
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

DEPLOYMENT = sys.argv[1]
PORT = int(sys.argv[2])
CAP = int(sys.argv[3]) if len(sys.argv) > 3 else 200
KEY = "BENCH"
HOME = "1"

lock = threading.Lock()
pages = {}  # id -> {id, title, parent, version, body, labels, props: {key: {id, value, version}}}
stats = {"reads": 0, "writes": 0}
next_id = [1000]


def new_id():
    next_id[0] += 1
    return str(next_id[0])


def ancestors(pid):
    chain = []
    p = pages.get(pid, {}).get("parent")
    while p is not None:
        chain.insert(0, {"id": p, "type": "page"})
        p = pages[p]["parent"] if p in pages else None
    return chain


def v1_content(p):
    return {
        "id": p["id"], "type": "page", "status": "current", "title": p["title"],
        "space": {"key": KEY},
        "version": {"number": p["version"]},
        "ancestors": ancestors(p["id"]),
        "metadata": {
            "labels": {"results": [{"prefix": "global", "name": n} for n in p["labels"]]},
            "properties": {k: {"id": v["id"], "key": k, "value": v["value"],
                               "version": {"number": v["version"]}} for k, v in p["props"].items()},
        },
        "_links": {"webui": "/pages/viewpage.action?pageId=" + p["id"]},
    }


def v2_page(p):
    return {"id": p["id"], "status": "current", "title": p["title"], "spaceId": "1",
            "parentId": p["parent"], "parentType": "page", "version": {"number": p["version"]},
            "_links": {"webui": "/spaces/BENCH/pages/" + p["id"]}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm and the client's
        # delayed ACK add 40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            return json.loads(raw) if raw else {}
        except ValueError:
            return {}

    def count(self, kind):
        if not self.path.startswith("/__"):
            with lock:
                stats[kind] += 1

    def do_GET(self):
        self.count("reads")
        url = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        path = url.path
        if path == "/__stats":
            return self.answer(200, stats)
        if path == "/__reset":
            with lock:
                stats["reads"] = stats["writes"] = 0
            return self.answer(200, stats)
        if path == "/wiki/api/v2/spaces":
            return self.answer(200, {"results": [{"id": "1", "key": KEY, "name": "Bench", "type": "global",
                                                  "status": "current", "homepageId": HOME}], "_links": {}})
        if path == "/rest/api/space/" + KEY:
            return self.answer(200, {"id": 1, "key": KEY, "name": "Bench", "type": "global",
                                     "homepage": {"id": HOME, "type": "page"}})
        if path in ("/wiki/rest/api/content/search", "/rest/api/content/search"):
            limit = min(int(q.get("limit", "25")), CAP)
            start = int(q.get("cursor" if DEPLOYMENT == "cloud" else "start", "0"))
            with lock:
                everything = sorted(pages.values(), key=lambda p: int(p["id"]))
                chunk = [v1_content(p) for p in everything[start:start + limit]]
            links = {}
            if start + limit < len(everything):
                param = "cursor" if DEPLOYMENT == "cloud" else "start"
                links["next"] = "/rest/api/content/search?limit=%d&%s=%d" % (limit, param, start + limit)
            return self.answer(200, {"results": chunk, "start": start, "limit": limit, "size": len(chunk),
                                     "_links": links})
        if path in ("/wiki/api/v2/pages", "/rest/api/content"):  # title lookups
            with lock:
                found = [p for p in pages.values() if p["title"] == q.get("title")]
            if DEPLOYMENT == "cloud":
                return self.answer(200, {"results": [v2_page(p) for p in found[:1]], "_links": {}})
            return self.answer(200, {"results": [v1_content(p) for p in found[:1]], "size": len(found[:1])})
        if "/attachments" in path or path.endswith("/child/attachment"):
            return self.answer(200, {"results": [], "_links": {}, "size": 0})
        return self.answer(404, {"message": "not in the bench server: " + path})

    def do_POST(self):
        self.count("writes")
        path = urlparse(self.path).path
        b = self.body()
        with lock:
            if path in ("/wiki/api/v2/pages", "/rest/api/content"):
                pid = new_id()
                if DEPLOYMENT == "cloud":
                    parent = b.get("parentId")
                    body = b.get("body", {}).get("value", "")
                else:
                    anc = b.get("ancestors") or []
                    parent = anc[-1]["id"] if anc else None
                    body = b.get("body", {}).get("storage", {}).get("value", "")
                pages[pid] = {"id": pid, "title": b.get("title"), "parent": parent, "version": 1,
                              "body": body, "labels": [], "props": {}}
                p = pages[pid]
                return self.answer(200, v2_page(p) if DEPLOYMENT == "cloud" else v1_content(p))
            parts = path.strip("/").split("/")
            if parts[-1] == "label":
                pid = parts[-2]
                labels = b if isinstance(b, list) else [b]
                for label in labels:
                    if label.get("name") not in pages[pid]["labels"]:
                        pages[pid]["labels"].append(label.get("name"))
                return self.answer(200, {"results": []})
            if parts[-1] in ("properties", "property"):
                pid = parts[-2]
                prop = {"id": new_id(), "value": b.get("value"), "version": 1}
                pages[pid]["props"][b.get("key")] = prop
                return self.answer(200, {"id": prop["id"], "key": b.get("key"), "value": prop["value"],
                                         "version": {"number": 1}})
            if parts[-1] == "attachment":
                return self.answer(200, {"results": [{"id": new_id(), "type": "attachment",
                                                      "title": "x", "version": {"number": 1}}]})
        return self.answer(404, {"message": "not in the bench server: " + path})

    def do_DELETE(self):
        # Moving a page to the trash: it leaves the content search.
        self.count("writes")
        parts = urlparse(self.path).path.strip("/").split("/")
        with lock:
            if pages.pop(parts[-1], None) is None:
                return self.answer(404, {"message": "no page " + parts[-1]})
        self.send_response(204)
        self.end_headers()

    def do_PUT(self):
        self.count("writes")
        path = urlparse(self.path).path
        b = self.body()
        parts = path.strip("/").split("/")
        with lock:
            if parts[-2] in ("properties", "property"):
                pid = parts[-3]
                key = b.get("key")
                prop = pages[pid]["props"][key]
                prop["value"] = b.get("value")
                prop["version"] = b.get("version", {}).get("number", prop["version"] + 1)
                return self.answer(200, {"id": prop["id"], "key": key, "value": prop["value"],
                                         "version": {"number": prop["version"]}})
            pid = parts[-1]
            p = pages.get(pid)
            if p is None:
                return self.answer(404, {"message": "no page " + pid})
            number = b.get("version", {}).get("number")
            if number != p["version"] + 1:
                return self.answer(409, {"message": "Version must be incremented"})
            p["version"] = number
            p["title"] = b.get("title", p["title"])
            if DEPLOYMENT == "cloud":
                p["parent"] = b.get("parentId", p["parent"])
            elif b.get("ancestors"):
                p["parent"] = b["ancestors"][-1]["id"]
            return self.answer(200, v2_page(p) if DEPLOYMENT == "cloud" else v1_content(p))


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
