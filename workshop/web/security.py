"""Headers every response carries (no inline script, no framing, no sniffing, no referrer),
and JSON request bodies that hold only text."""

from flask.json.provider import DefaultJSONProvider

from ..model import has_lone_surrogate

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    # 'self' covers this server's own ws:// and wss:// in current browsers (CSP Level 3)
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


class TextJSONProvider(DefaultJSONProvider):
    """JSON that may not spell half a UTF-16 pair (\\ud800): no database driver stores one.

    A ValueError makes `request.get_json(silent=True)` answer None, which every route refuses
    with its own Dutch message.
    """

    def loads(self, s, **kwargs):
        """Parse as usual, then refuse a lone surrogate anywhere in the result."""
        data = super().loads(s, **kwargs)
        if has_lone_surrogate(data):
            raise ValueError("a string holds a lone surrogate")
        return data


def init_app(app) -> None:
    """Attach the security headers to every response; parse JSON bodies as text only."""
    app.json = TextJSONProvider(app)

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response
