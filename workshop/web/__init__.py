"""Thin transport over the service: the Flask app, its HTTP routes and Socket.IO handlers."""

from datetime import UTC, datetime

from flask import Flask, request
from flask_babel import Babel, get_locale
from flask_socketio import SocketIO
from socketio import PubSubManager
from werkzeug.middleware.proxy_fix import ProxyFix

from ..config import ROOT, load_config
from ..service import purge_expired
from ..storage import Store
from ..themes import prepare as prepare_themes
from . import fanout, fast_json
from .i18n import domain_texts, shown

socketio = SocketIO()
LANGUAGES = ("nl", "en")
MAX_SOCKET_MESSAGE_BYTES = 64 * 1024
PING_INTERVAL_SECONDS = 15
PING_TIMEOUT_SECONDS = 10


def create_app(overrides: dict | None = None) -> Flask:
    """Build one app; tests pass overrides instead of editing os.environ."""
    app = Flask(__name__, template_folder=str(ROOT / "templates"),
                static_folder=str(ROOT / "static"))
    app.config.from_mapping(load_config())
    app.config.update(overrides or {})
    app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
    app.extensions["store"] = Store(app.config["DATABASE_URL"])
    prepare_themes()
    # workshops past their retention period go at every start (and daily, see app.py)
    purge_expired(app.extensions["store"], datetime.now(UTC), app.config["RETENTION_DAYS"])
    Babel(app, locale_selector=_locale, default_locale="nl",
          default_translation_directories=str(ROOT / "translations"))
    app.context_processor(lambda: {"lang": str(get_locale())})
    app.jinja_env.globals["domain_texts"] = domain_texts
    app.jinja_env.filters["shown"] = shown
    app.after_request(_remember_language)

    # importing the handler modules registers them on `socketio`
    from . import (  # noqa: F401
        board_events,
        canvas_events,
        events,
        export_routes,
        routes,
        security,
        theme_events,
        value_events,
    )
    from .broadcast import Broadcaster
    from .crowd_lead import CrowdLead
    from .limits import SocketLimits, http_limiter
    from .turns import NoTurns, Turns
    from .value_batches import ValueBatches

    manager_option = fanout.client_manager(app.config["MESSAGE_QUEUE"])
    queue = manager_option.get("client_manager")
    # with several processes one of them sends each crowded workshop's room-wide broadcasts
    lead = (CrowdLead(app.config["MESSAGE_QUEUE"], queue.notify)
            if isinstance(queue, fanout.SlicedRedisManager) else None)
    app.extensions["broadcaster"] = Broadcaster(socketio, app.extensions["store"],
                                                app.config["THEMES_BROADCAST_DELAY"], lead)
    if lead is not None:
        queue.on_notice = app.extensions["broadcaster"].noticed
    app.extensions["value_batches"] = ValueBatches(app.extensions["store"],
                                                   app.config["LEARN_FROM_WORKSHOPS"])
    app.extensions["socket_limits"] = SocketLimits(
        app.config["SOCKET_EVENT_LIMIT"], app.config["FAILED_JOIN_LIMIT"],
        app.config["FAILED_JOIN_LIMIT_PER_CONNECTION"])
    app.extensions["turns"] = (Turns(socketio.sleep, socketio.start_background_task)
                               if app.config["ASYNC_MODE"] == "eventlet" else NoTurns())
    http_limiter.init_app(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(export_routes.bp)
    security.init_app(app)
    _check_message_queue(app.config["MESSAGE_QUEUE"])
    socketio.init_app(
        app,
        async_mode=app.config["ASYNC_MODE"],
        message_queue=app.config["MESSAGE_QUEUE"],
        **manager_option,
        json=fast_json,
        max_http_buffer_size=MAX_SOCKET_MESSAGE_BYTES,
        # phones drop a background tab's socket without a close frame: a ping every 15 s,
        # answered within 10 s, lets both ends notice a dead connection within 25 s (the
        # defaults, 25 + 20 s, left a phone looking online for 45 s while its values waited)
        ping_interval=PING_INTERVAL_SECONDS,
        ping_timeout=PING_TIMEOUT_SECONDS,
        # the server logs neither events nor payloads: join tokens travel in them
        logger=False,
        engineio_logger=False,
    )
    if app.config["TRUSTED_PROXIES"]:
        # outside the Socket.IO middleware, so socket connections see the client's address too
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"],
                                x_proto=app.config["TRUSTED_PROXIES"])
    if isinstance(socketio.server.manager, PubSubManager):
        # the message queue encodes each broadcast for the other processes: the same fast JSON
        socketio.server.manager.json = fast_json
    return app


def schedule_purge(app: Flask) -> None:
    """Delete expired workshops once a day while the server runs (RETENTION_DAYS, AVG)."""
    def purge_daily():
        while True:
            socketio.sleep(24 * 3600)
            purge_expired(app.extensions["store"], datetime.now(UTC), app.config["RETENTION_DAYS"])

    socketio.start_background_task(purge_daily)


def _locale() -> str:
    """Dutch, the staff room's language, unless someone chose English (?lang=en, then a cookie).

    The browser's language is not consulted: a Dutch team on English-language laptops
    still runs its workshop in Dutch.
    """
    chosen = request.args.get("lang") or request.cookies.get("lang")
    return chosen if chosen in LANGUAGES else "nl"


def _remember_language(response):
    """Keep the language chosen with ?lang= for the next pages."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        response.set_cookie("lang", chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _check_message_queue(url: str | None) -> None:
    """Without the redis package broadcasts silently stay in one process: fail loudly instead."""
    if url and url.startswith("redis"):
        try:
            import redis  # noqa: F401
        except ImportError as missing:
            raise RuntimeError("MESSAGE_QUEUE is set to Redis but the redis package is missing") \
                from missing
