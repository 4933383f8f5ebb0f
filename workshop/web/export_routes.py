"""HTTP for the result: downloads, the summary page, import, and comparing two workshops.

Facilitator tokens travel in an Authorization header (never in a URL). The summary page is
the one exception a browser must open by address, so it takes a signed, read-only link that
expires after an hour: GET /api/workshops/<id>/summary-link hands one out.
"""

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for
from flask_babel import gettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from werkzeug.exceptions import RequestEntityTooLarge

from .. import service
from ..errors import WorkshopError
from ..export import web_picture
from ..export.reading import read_export
from ..service import exports
from .connection import learning, store
from .limits import http_limiter
from .routes import bearer_token, created_answer

bp = Blueprint("exports", __name__)

IMPORT_MAX_BYTES = 5 * 1024 * 1024
SUMMARY_LINK_SECONDS = 60 * 60


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="summary-link")


def _names_wanted() -> bool:
    """`names=0` leaves the mentors' names out (they become "Mentor 3"); names=1 is the default."""
    names = request.args.get("names", "1")
    if names not in ("0", "1"):
        raise WorkshopError("invalid", "Kies names=1 (met namen) of names=0 (zonder namen).")
    return names == "1"


@bp.get("/api/workshops/<workshop_id>/export")
def export(workshop_id: str):
    """One file of the workshop (pdf, docx, md, csv, json); facilitator only."""
    service.authorise_facilitator(store(), workshop_id, bearer_token())
    content, mimetype, filename = exports.export(store(), workshop_id,
                                                 request.args.get("format"), _names_wanted())
    response = Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/api/workshops/<workshop_id>/summary-link")
def summary_link(workshop_id: str):
    """A link to the summary page that works for an hour, for this browser or the projector."""
    service.authorise_facilitator(store(), workshop_id, bearer_token())
    # the names choice is signed too: nobody can edit it back into a link without names
    signed = _signer().dumps([workshop_id, _names_wanted()])
    url = url_for("exports.summary", workshop_id=workshop_id, t=signed, _external=True)
    return jsonify({"ok": True, "url": url, "expires_in": SUMMARY_LINK_SECONDS})


@bp.get("/w/<workshop_id>/summary")
def summary(workshop_id: str):
    """The result, server-rendered and readable without JavaScript."""
    try:
        signed = _signer().loads(request.args.get("t", ""), max_age=SUMMARY_LINK_SECONDS)
    except SignatureExpired:
        return render_template("summary.html", refused="expired"), 403
    except BadSignature:
        signed = None
    if not (isinstance(signed, list) and len(signed) == 2 and signed[0] == workshop_id):
        return render_template("summary.html", refused="forbidden"), 403
    result = exports.summary(store(), workshop_id, names=signed[1] is True)
    bubbles, height = web_picture.layout(list(result.shared or result.single))
    response = Response(render_template(
        "summary.html", report=result,
        picture=web_picture.svg(bubbles, height, translate=gettext) if bubbles else ""))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/api/workshops/import")
@http_limiter.limit(lambda: current_app.config["IMPORTS_PER_MINUTE"])
def import_workshop():
    """A new workshop from a JSON export, answered like POST /api/workshops."""
    request.max_content_length = IMPORT_MAX_BYTES
    try:
        raw = request.get_data(cache=False)
    except RequestEntityTooLarge:
        return jsonify({"ok": False, "error": "too_large",
                        "message": "Het bestand is te groot (hoogstens 5 MB)."}), 413
    # parsed here, not by Flask: read_export bounds nesting and numbers before json.loads
    document = read_export(raw)
    created = exports.import_workshop(store(), document, current_app.config["MAX_PARTICIPANTS"])
    # the imported web's final grouping teaches the workshops created after it
    service.learn_from_import(store(), created.workshop.id, learning())
    return created_answer(created)


@bp.post("/api/compare")
def compare():
    """Two workshops side by side; the caller proves to facilitate both."""
    body = request.get_json(silent=True)
    sides = [body.get(key) if isinstance(body, dict) else None for key in ("a", "b")]
    if not all(isinstance(side, dict) for side in sides):
        raise WorkshopError("invalid", 'Stuur {"a": {"id", "token"}, "b": {"id", "token"}}.')
    for side in sides:
        service.authorise_facilitator(store(), side.get("id"), side.get("token"))
    return jsonify({"ok": True, **exports.compare(store(), sides[0]["id"], sides[1]["id"])})


@bp.get("/w/<first_id>/compare/<second_id>")
def compare_page(first_id: str, second_id: str):
    """The comparison page; compare.js sends both facilitator tokens to /api/compare."""
    return render_template("compare.html", first_id=first_id, second_id=second_id)
