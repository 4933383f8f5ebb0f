"""The one exception the domain raises; transports turn it into an answer."""


class WorkshopError(Exception):
    """An expected failure with a stable `code` for clients and a Dutch `message` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
