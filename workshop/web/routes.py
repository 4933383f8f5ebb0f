"""HTTP: the pages (start, phone, facilitator, projector), the QR code and the JSON API."""

import io

import segno
from flask import (
    Blueprint,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale, gettext
from werkzeug.exceptions import HTTPException

from .. import service
from ..codes import normalise_code
from ..deck import value_deck
from ..errors import WorkshopError
from ..views import join_url
from . import socketio
from .i18n import translate
from .limits import http_limiter

bp = Blueprint("main", __name__)

_STATUS = {"forbidden": 403, "unknown_code": 404, "not_found": 404, "rate_limited": 429}


def _store():
    return current_app.extensions["store"]


def _public_url() -> str:
    return current_app.config["PUBLIC_URL"]


def bearer_token() -> str | None:
    """The facilitator token from `Authorization: Bearer …`."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


@bp.get("/")
def start():
    """The facilitator's start page: create a workshop, or join one as a mentor."""
    return render_template("start.html", retention_days=current_app.config["RETENTION_DAYS"])


@bp.get("/privacy")
def privacy():
    """What this server stores, for whom, where and how long: for mentors and privacy officers."""
    config = current_app.config
    return render_template("privacy.html", public_url=_public_url(),
                           retention_days=config["RETENTION_DAYS"],
                           contact=config["PRIVACY_CONTACT"])


@bp.get("/j")
@bp.get("/j/<code>")
def phone(code: str = ""):
    """The mentor's phone page; the QR code opens it with the code filled in."""
    # the value deck rides along with the page (2 KB), so suggestions work without a request
    return render_template("phone.html", code=normalise_code(code)[:12],
                           deck=value_deck(str(get_locale())))


@bp.get("/w/<workshop_id>/facilitate")
def facilitate(workshop_id: str):
    """The facilitator's page; the token stays in the URL fragment, which no server log sees."""
    return render_template("facilitator.html", workshop_id=workshop_id)


@bp.get("/w/<workshop_id>/present")
def present(workshop_id: str):
    """The projector page; its read-only key is in the URL fragment."""
    return render_template("presenter.html", workshop_id=workshop_id)


@bp.get("/qr/<code>.svg")
@http_limiter.limit("60 per minute")  # the answer (200 or 404) tells whether a code exists
def qr_code(code: str):
    """The join link as a QR code (SVG), for the projector."""
    code = normalise_code(code)
    if not service.code_exists(_store(), code):
        abort(404)
    svg = io.BytesIO()
    # a standalone file needs the xmlns (svg_inline leaves it out), or <img> shows nothing
    segno.make(join_url(_public_url(), code), error="m").save(
        svg, kind="svg", scale=10, border=2, dark="#111", light="#fff", omitsize=True,
        xmldecl=False)
    return current_app.response_class(svg.getvalue(), mimetype="image/svg+xml")


@bp.post("/api/workshops")
@http_limiter.limit("30 per hour")
def create_workshop():
    """Create a workshop; the answer holds the facilitator's token, shown only this once."""
    return created_answer(service.create_workshop(_store(), request.get_json(silent=True)))


def created_answer(created: service.Created):
    """201 with the new workshop's code, links and the facilitator token (shown only now)."""
    workshop = created.workshop
    facilitator_url = url_for("main.facilitate", workshop_id=workshop.id, _external=True)
    presenter_url = url_for("main.present", workshop_id=workshop.id, _external=True)
    return jsonify({
        "id": workshop.id,
        "code": workshop.code,
        "facilitator_token": created.facilitator_token,
        "join_url": join_url(_public_url(), workshop.code),
        "facilitator_url": f"{facilitator_url}#token={created.facilitator_token}",
        "presenter_url": f"{presenter_url}#key={workshop.presenter_key}",
    }), 201


@bp.delete("/api/workshops/<workshop_id>")
def delete_workshop(workshop_id: str):
    """Delete a workshop and all its data (facilitator only); its screens are told."""
    service.authorise_facilitator(_store(), workshop_id, bearer_token())
    service.delete_workshop(_store(), workshop_id)
    socketio.emit("deleted", {}, to=f"w:{workshop_id}")
    return "", 204


@bp.get("/healthz")
def healthz():
    """200 when the server and its database answer."""
    try:
        ok = service.healthy(_store())
    except Exception:  # the database is down: say so instead of a stack trace
        ok = False
    return jsonify({"ok": ok}), 200 if ok else 503


@bp.app_errorhandler(WorkshopError)
def workshop_error(error: WorkshopError):
    """Expected failures answer JSON with the code and a Dutch message."""
    return jsonify({"ok": False, "error": error.code, "message": translate(error)}), \
        _STATUS.get(error.code, 400)


@bp.app_errorhandler(429)
def rate_limited(error: HTTPException):
    """Too many requests from one address: the same error code the socket answers."""
    return jsonify({"ok": False, "error": "rate_limited",
                    "message": gettext("Te veel verzoeken. Probeer het over een minuut.")}), 429


@bp.app_errorhandler(HTTPException)
def http_error(error: HTTPException):
    """API clients get JSON errors; people get a short page."""
    if request.path.startswith("/api/"):
        return jsonify({"ok": False, "error": error.name.lower().replace(" ", "_"),
                        "message": error.description}), error.code
    return render_template("error.html", status=error.code), error.code
