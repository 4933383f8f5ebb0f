"""How many connections one process takes, and the file descriptors that needs.

Every phone holds one websocket, and each is a file descriptor and, under eventlet, a place
in the WSGI server's pool. eventlet's pool holds 1,024 unless told otherwise; the 1,025th
phone then waits, unanswered, until another leaves. A regional day of 1,000 mentors, their
reconnects (a phone's new socket can arrive before the server noticed its old one is dead),
the facilitator and the projectors need more: MAX_CONNECTIONS (docs/DEPLOY.md).
"""

import logging
import resource

log = logging.getLogger(__name__)

# bytes each connection reads its requests through (eventlet and gevent make 8 KB otherwise);
# a longer request head, or a body, is read in more reads
REQUEST_BUFFER = 2048

# descriptors the process needs besides its connections: the listening socket, the database
# (SQLite's file and journal, or a pool of PostgreSQL connections), Redis, logs, imports
RESERVED_DESCRIPTORS = 64


def serve(app, socketio, request_handler) -> None:
    """Serve `app` until stopped, with room for MAX_CONNECTIONS connections.

    eventlet: its WSGI server's pool holds MAX_CONNECTIONS (max_size), and the listening
    socket queues as many in the kernel: socketio.run fixes that backlog at 50, so in a
    reconnect storm the other phones' connections were dropped and retried a second or more
    later. gevent: a handler pool of that size and the same backlog. Both without the
    per-connection buffers that a websocket leaves unused (eventlet_http, gevent_http).
    threading: Werkzeug's server, a thread per connection (`request_handler` keeps it from
    logging addresses).
    """
    config = app.config
    mode, limit = config["ASYNC_MODE"], config["MAX_CONNECTIONS"]
    ensure_file_limit(limit)
    if mode == "eventlet":
        import eventlet
        import eventlet.wsgi
        from eventlet.green import socket

        from .eventlet_http import LeanHttpProtocol

        family, *_, address = socket.getaddrinfo(config["HOST"], config["PORT"])[0]
        eventlet.wsgi.server(eventlet.listen(address, family, backlog=limit), app,
                             log_output=False, max_size=limit, protocol=LeanHttpProtocol)
    elif mode == "gevent":
        from .gevent_http import LeanWSGIHandler

        socketio.run(app, host=config["HOST"], port=config["PORT"], spawn=limit, backlog=limit,
                     handler_class=LeanWSGIHandler)
    else:
        socketio.run(app, host=config["HOST"], port=config["PORT"], allow_unsafe_werkzeug=True,
                     request_handler=request_handler)


def ensure_file_limit(max_connections: int) -> int:
    """Raise the soft limit of open files to the hard limit; warn when it stays below need.

    Returns the soft limit in force. A shell's `ulimit -n` is often 1,024: with 1,000 phones
    connected, the next accept (or the database's next file) would fail with "Too many open
    files", and the phones would see a server that no longer answers.
    """
    needed = max_connections + RESERVED_DESCRIPTORS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, needed)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError) as refused:
            log.warning("Could not raise the open-file limit from %s to %s: %s",
                        soft, wanted, refused)
    if soft != resource.RLIM_INFINITY and soft < needed:
        log.warning("Open-file limit %s is below the %s that MAX_CONNECTIONS=%s needs: past "
                    "about %s connections new phones will be refused. Raise it (ulimit -n %s, "
                    "or LimitNOFILE= in a systemd unit) or lower MAX_CONNECTIONS.",
                    soft, needed, max_connections, soft - RESERVED_DESCRIPTORS, needed)
    return soft
