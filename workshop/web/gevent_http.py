"""gevent's HTTP connections reading their requests through 2 KB (serving.REQUEST_BUFFER).

gevent.pywsgi reads each connection's requests through an 8 KB buffer, made when the connection
is accepted. A phone's connection becomes a websocket after its first request, and that buffer
then sits unused for as long as the phone stays (docs/BENCHMARKS.md, issue 15).
"""

from gevent import pywsgi

from .serving import REQUEST_BUFFER


class LeanWSGIHandler(pywsgi.WSGIHandler):
    """gevent's handler, reading requests through REQUEST_BUFFER bytes."""

    def __init__(self, sock, address, server):
        # gevent's one way to choose the reader (`rfile`, documented as unsupported; gevent is
        # pinned, and tests/web/test_serving.py checks the buffer it ends up with)
        super().__init__(sock, address, server, rfile=sock.makefile("rb", REQUEST_BUFFER))
