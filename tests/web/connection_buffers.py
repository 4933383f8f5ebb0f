"""Run by tests/web/test_serving.py in a process of its own (eventlet and gevent must patch the
standard library before anything else): a WSGI server with the given handler, three held
connections, HTTP through it, and what the held connections' buffers cost.

    python tests/web/connection_buffers.py eventlet|gevent lean|stock

Prints one JSON object: the bytes of socket buffers alive while three connections are held
(websockets under eventlet, idle connections under gevent), and what came back over HTTP.
"""

import sys

MODE, HANDLER = sys.argv[1], sys.argv[2]
if MODE == "eventlet":
    import eventlet

    eventlet.monkey_patch()
else:
    from gevent import monkey

    monkey.patch_all()

import gc  # noqa: E402  (after patching)
import io  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402

HELD = 3
BIG = 200_000


def buffers_held() -> int:
    """Bytes of the buffered files on sockets alive now (getsizeof counts a file's buffer)."""
    total = 0
    for obj in gc.get_objects():
        if isinstance(obj, io.BufferedReader | io.BufferedWriter):
            try:
                # by name: eventlet makes its files with the unpatched socket module's class
                on_socket = type(obj.raw).__name__ == "SocketIO"
            except ValueError:  # detached
                continue
            total += sys.getsizeof(obj) if on_socket else 0
    return total


def echo_websocket(environ, start_response):
    import eventlet.websocket

    @eventlet.websocket.WebSocketWSGI
    def echo(ws):
        while (message := ws.wait()) is not None:
            ws.send(message)
    return echo(environ, start_response)


def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/ws":
        return echo_websocket(environ, start_response)
    if path == "/held":
        body = str(buffers_held()).encode()
    elif path == "/upload":
        body = str(len(environ["wsgi.input"].read())).encode()
    else:
        body = b"x" * BIG
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


def serve() -> int:
    if MODE == "eventlet":
        import eventlet.wsgi

        from workshop.web.eventlet_http import LeanHttpProtocol
        listener = eventlet.listen(("127.0.0.1", 0))
        protocol = LeanHttpProtocol if HANDLER == "lean" else eventlet.wsgi.HttpProtocol
        eventlet.spawn(eventlet.wsgi.server, listener, app, log_output=False, protocol=protocol)
        return listener.getsockname()[1]
    from gevent import pywsgi

    from workshop.web.gevent_http import LeanWSGIHandler
    handler = LeanWSGIHandler if HANDLER == "lean" else pywsgi.WSGIHandler
    server = pywsgi.WSGIServer(("127.0.0.1", 0), app, log=None, handler_class=handler)
    server.start()
    return server.server_port


def read_response(sock) -> tuple[bytes, bytes]:
    """Head and body of one response with a Content-Length."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += sock.recv(65536)
    return head, body


def websocket(port: int) -> tuple[socket.socket, bytes]:
    """A websocket to /ws, and what it echoed of one masked text frame."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /ws HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 b"Sec-WebSocket-Version: 13\r\n\r\n")
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert head.startswith(b"HTTP/1.1 101"), head
    mask, payload = b"abcd", b"hallo"
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask
                 + bytes(byte ^ mask[i % 4] for i, byte in enumerate(payload)))
    return sock, sock.recv(64)


def idle(port: int) -> socket.socket:
    """A connection that has sent nothing yet (accepted, its handler made)."""
    return socket.create_connection(("127.0.0.1", port))


def main() -> None:
    port = serve()
    if MODE == "eventlet":
        held = [websocket(port) for _ in range(HELD)]
        echoes = [echo for _sock, echo in held]
    else:
        held, echoes = [idle(port) for _ in range(HELD)], []
    client = socket.create_connection(("127.0.0.1", port))
    # a head longer than the request buffer, and a big response, on one kept-alive connection
    client.sendall(b"GET /big HTTP/1.1\r\nHost: test\r\nX-Long: " + b"y" * 6000 + b"\r\n\r\n")
    _head, big = read_response(client)
    client.sendall(b"POST /upload HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n"
                   b"Expect: 100-continue\r\n\r\n")
    interim = b""
    while b"\r\n\r\n" not in interim:
        interim += client.recv(1)
    client.sendall(b"z" * 100_000)
    _head, uploaded = read_response(client)
    threading.Event().wait(0.2)  # let the server reach every held connection's handler
    client.sendall(b"GET /held HTTP/1.1\r\nHost: test\r\n\r\n")
    _head, held_bytes = read_response(client)
    print(json.dumps({
        "held": int(held_bytes), "big": len(big), "big_intact": big == b"x" * BIG,
        "continue": interim.split(b"\r\n")[0].decode(), "uploaded": int(uploaded),
        "echoes": [echo.hex() for echo in echoes],
    }))


main()
