"""Settings from environment variables with defaults: the only module that reads os.environ."""

import os
import secrets
import socket
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = ROOT / "instance"
ASYNC_MODES = ("eventlet", "gevent", "threading")


def load_config(environ=os.environ, instance: Path = INSTANCE_DIR) -> dict:
    """Read every setting once; each default lets the app start bare on a staff-room laptop."""
    instance.mkdir(parents=True, exist_ok=True)
    port = int(environ.get("PORT", "5000"))
    return {
        "HOST": environ.get("HOST", "0.0.0.0"),
        "PORT": port,
        # the address the QR code carries: a phone cannot reach "localhost"
        "PUBLIC_URL": (environ.get("PUBLIC_URL") or f"http://{lan_address()}:{port}").rstrip("/"),
        "DATABASE_URL": environ.get("DATABASE_URL") or f"sqlite:///{instance / 'mentorkompas.db'}",
        # a random key kept in instance/ survives restarts without anyone setting one
        "SECRET_KEY": environ.get("SECRET_KEY") or _stored_secret(instance),
        "MESSAGE_QUEUE": environ.get("MESSAGE_QUEUE") or None,
        "ASYNC_MODE": async_mode(environ),
        "MAX_PARTICIPANTS": int(environ.get("MAX_PARTICIPANTS", "1000")),
        # simultaneous connections one process accepts (eventlet's own default is 1,024):
        # every mentor's phone, a reconnect while its old socket lingers, the big screens
        "MAX_CONNECTIONS": int(environ.get("MAX_CONNECTIONS", "2500")),
        "RETENTION_DAYS": int(environ.get("RETENTION_DAYS", "90")),
        # who answers privacy questions, shown on /privacy ("" until the operator sets it)
        "PRIVACY_CONTACT": environ.get("PRIVACY_CONTACT", "").strip(),
        # corrections and imports teach the grouping of workshops created later; 0: never
        "LEARN_FROM_WORKSHOPS": environ.get("LEARN_FROM_WORKSHOPS", "1") != "0",
        # abuse limits (the `limits` library's notation)
        "SOCKET_EVENT_LIMIT": environ.get("SOCKET_EVENT_LIMIT", "60 per 10 seconds"),
        # wrong join codes, sized for a hall of phones behind one address (join_guard.py)
        "FAILED_JOIN_LIMIT": environ.get("FAILED_JOIN_LIMIT", "300 per 10 minutes"),
        "FAILED_JOIN_LIMIT_PER_CONNECTION": environ.get("FAILED_JOIN_LIMIT_PER_CONNECTION",
                                                        "10 per 10 minutes"),
        # reverse proxies in front whose X-Forwarded-For is believed; 0: none, the peer is
        # the client (a client can write any X-Forwarded-For it likes)
        "TRUSTED_PROXIES": trusted_proxies(environ),
        "RATELIMIT_ENABLED": environ.get("RATELIMIT_ENABLED", "1") != "0",
        "IMPORTS_PER_MINUTE": environ.get("IMPORTS_PER_MINUTE", "10 per minute"),
        # one `themes` snapshot per this many seconds at most, however fast values arrive
        "THEMES_BROADCAST_DELAY": float(environ.get("THEMES_BROADCAST_DELAY", "0.1")),
    }


def async_mode(environ=os.environ) -> str:
    """The async server: eventlet (the stack's default), gevent or threading."""
    mode = environ.get("ASYNC_MODE", "eventlet")
    if mode not in ASYNC_MODES:
        raise ValueError(f"ASYNC_MODE must be one of {', '.join(ASYNC_MODES)}, not {mode!r}")
    return mode


def trusted_proxies(environ=os.environ) -> int:
    """How many proxies stand in front of the app (Werkzeug's ProxyFix x_for)."""
    raw = environ.get("TRUSTED_PROXIES", "0")
    if not raw.isdigit():
        raise ValueError(f"TRUSTED_PROXIES must be a number of proxies (0, 1, 2…), not {raw!r}")
    return int(raw)


def lan_address() -> str:
    """The machine's first non-loopback IPv4 address, found without sending any traffic."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    candidates = [sockaddr[0] for *_, sockaddr in infos] + _interface_addresses()
    return next((ip for ip in candidates if not ip.startswith("127.")), "127.0.0.1")


def _interface_addresses() -> list[str]:
    """IPv4 addresses of the interfaces (Linux ioctl), for hosts whose name maps to 127.x."""
    try:
        import fcntl
        import struct
    except ImportError:  # not on Linux/macOS
        return []
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                answer = fcntl.ioctl(probe.fileno(), 0x8915, request)  # SIOCGIFADDR
            except OSError:
                continue
            found.append(socket.inet_ntoa(answer[20:24]))
    return found


def _stored_secret(instance: Path) -> str:
    """Create the secret key once and keep it, so sessions survive a restart."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
