#!/usr/bin/env python3
"""A real HTTP server on 127.0.0.1 for the fetch and webhook tests (started by Tests/TestServers/HTTPTestServer).

    python3 Scripts/test-http-server.py DIR     prints "port N", then serves until killed

GET /file/NAME           the file DIR/NAME
GET /redirect/N/NAME     N redirects (302), then /file/NAME
GET /slow                announces 1,000,000 bytes and sends 100 a second
GET /endless             streams without a length, 64 KB at a time, forever
GET /announced-huge      announces 10 GB, sends nothing
GET /status/CODE         answers CODE
POST /hook/NAME          stores the body and headers as DIR/hooks/NAME-<n>.json; fails (503) the share of requests
                         given by DIR/hooks/FAIL_PERCENT (deterministic: request n fails when n*pct % 100 < pct)
"""
import json, os, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

root = sys.argv[1]
counter = [0]
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        try:
            if parts[0] == "file":
                with open(os.path.join(root, os.path.basename(parts[1])), "rb") as f:
                    self.send(200, f.read(), [("Content-Type", "application/octet-stream")])
            elif parts[0] == "redirect":
                left = int(parts[1])
                target = f"/redirect/{left - 1}/{parts[2]}" if left > 1 else f"/file/{parts[2]}"
                self.send(302, b"", [("Location", target)])
            elif parts[0] == "slow":
                self.send_response(200)
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                for _ in range(10000):
                    self.wfile.write(b"x" * 100)
                    self.wfile.flush()
                    time.sleep(1)
            elif parts[0] == "endless":
                self.send_response(200)
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"%x\r\n%s\r\n" % (65536, b"y" * 65536)
                while True:
                    self.wfile.write(chunk)
            elif parts[0] == "announced-huge":
                self.send_response(200)
                self.send_header("Content-Length", str(10 * 1024 ** 3))
                self.end_headers()
                self.wfile.flush()
                time.sleep(5)
            elif parts[0] == "status":
                self.send(int(parts[1]), b"status")
            else:
                self.send(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        parts = self.path.strip("/").split("/")
        if parts[0] != "hook":
            return self.send(404)
        hooks = os.path.join(root, "hooks")
        os.makedirs(hooks, exist_ok=True)
        with lock:
            counter[0] += 1
            n = counter[0]
        try:
            pct = int(open(os.path.join(hooks, "FAIL_PERCENT")).read().strip())
        except (OSError, ValueError):
            pct = 0
        if (n * 37) % 100 < pct:
            return self.send(503, b"try again")
        record = {"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body.decode("utf-8", "replace")}
        with open(os.path.join(hooks, f"{parts[1]}-{n}.json"), "w") as f:
            json.dump(record, f)
        self.send(200, b"ok")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"port {server.server_address[1]}", flush=True)
server.serve_forever()
