"""The one exception the domain raises; transports turn it into an answer."""


class WorkshopError(Exception):
    """An expected failure with a stable `code` for clients and a Dutch `message` for people.

    `message` is a template with %(name)s placeholders filled from `params`, so a transport
    can translate the template first (Flask-Babel) and fill in the numbers after.
    """

    def __init__(self, code: str, message: str, **params):
        self.code = code
        self.template = message
        self.params = params
        self.message = message % params if params else message
        super().__init__(self.message)
