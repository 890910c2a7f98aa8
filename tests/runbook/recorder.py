"""A recording HTTP proxy on 127.0.0.1 that answers as the stand-in cloud (fake_cloud.py).

The generated Python script reaches it through the SDK's own proxy setting (HTTP_PROXY) with
SLS_ENCRYPT_PROTOCOL=http, so every request arrives in absolute form with its real host name
(the SLS SDK puts the project in the host). Nothing leaves the machine.
"""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import fake_cloud


class Recorder:
    """The proxy: `records` lists every request as it arrived; `state` is the cloud's state."""

    def __init__(self, state):
        self.state = state
        self.records = []
        self.lock = threading.Lock()
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_any(self):
                url = urllib.parse.urlsplit(self.path)
                host = url.hostname or self.headers.get("host", "")
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
                record = {"method": self.command, "host": host, "path": url.path, "query": query, "body": raw.decode("utf-8")}
                if host.endswith(".log.aliyuncs.com"):
                    product = "sls"
                    api = {"GET": "GetLogStore", "PUT": "UpdateLogStore", "POST": "CreateLogStore"}.get(self.command, "?")
                    params = {"body": record["body"]}
                else:
                    product = "ram" if host == "ram.aliyuncs.com" else "kms"
                    params = dict(query)
                    if raw and "form" in (self.headers.get("content-type") or ""):
                        params.update(urllib.parse.parse_qsl(record["body"], keep_blank_values=True))
                    api = self.headers.get("x-acs-action") or params.get("Action", "?")
                    record["params"] = params
                record["api"] = api
                with recorder.lock:
                    recorder.records.append(record)
                    try:
                        status, answer = 200, fake_cloud.handle(recorder.state, product, api, params.__getitem__)
                    except fake_cloud.Refused as e:
                        status = e.status
                        if product == "sls":
                            answer = {"errorCode": e.code, "errorMessage": e.message}
                        else:
                            answer = {"Code": e.code, "Message": e.message, "RequestId": "r", "HostId": host}
                data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("x-log-requestid", "r")
                self.send_header("x-acs-request-id", "r")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = handle_any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def of(self, api):
        """The records of one API, in order."""
        return [r for r in self.records if r["api"] == api]
