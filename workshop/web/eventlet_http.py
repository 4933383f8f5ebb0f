"""eventlet's HTTP connections without the buffers a websocket never uses.

eventlet.wsgi gives every connection, when it is accepted, a 16 KB buffer for its responses
and an 8 KB one for its requests. A phone's connection becomes a websocket after its first
request, and from then on eventlet reads and writes the socket itself: both buffers sat unused
for as long as the phone stayed, 24 MB at a regional day of 1,000 phones (docs/BENCHMARKS.md,
issue 15). Here a connection's response buffer is made when its first HTTP response is
written, which a websocket's handshake never is (it goes to the socket), and its requests are
read through 2 KB (serving.REQUEST_BUFFER).
"""

import io

import eventlet.wsgi

from .serving import REQUEST_BUFFER


class ResponseWriter:
    """A connection's buffered response writer, made at the first write to it.

    Wraps the unbuffered writer (`raw`, socket.SocketIO) that eventlet makes when asked for
    no buffer; a buffered one is what eventlet needs for its writes (`writelines` on an
    unbuffered writer can drop data: eventlet issue 295).
    """

    def __init__(self, raw, size: int):
        self._raw, self._size, self._buffered = raw, size, None

    def _writer(self) -> io.BufferedWriter:
        if self._buffered is None:
            self._buffered = io.BufferedWriter(self._raw, self._size)
        return self._buffered

    def write(self, data) -> int:
        return self._writer().write(data)

    def writelines(self, lines) -> None:
        self._writer().writelines(lines)

    def flush(self) -> None:
        if self._buffered is not None:
            self._buffered.flush()

    def close(self) -> None:
        """Close the writer (flushing what is buffered), and with it the file on the socket."""
        (self._raw if self._buffered is None else self._buffered).close()

    @property
    def closed(self) -> bool:
        return self._raw.closed


class LeanHttpProtocol(eventlet.wsgi.HttpProtocol):
    """eventlet's HTTP protocol with a request buffer of REQUEST_BUFFER bytes and the response
    buffer made on demand."""

    rbufsize = REQUEST_BUFFER

    def setup(self) -> None:
        """eventlet's own set-up, asked for an unbuffered writer, which then gets its buffer
        at the first response."""
        buffered, self.wbufsize = self.wbufsize, 0
        try:
            super().setup()
        finally:
            self.wbufsize = buffered
        self.wfile = ResponseWriter(self.wfile, buffered)
