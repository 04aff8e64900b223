"""The exceptions dossier raises. Each carries the message the CLI prints."""


class Error(Exception):
    """Base of every dossier error."""


class OptionError(Error, ValueError):
    """A bad argument: an unknown method or protocol, a value out of range."""


class InputError(Error):
    """No input could be used (unreadable, binary, empty, bad JSON...)."""


class NotFoundError(InputError, FileNotFoundError):
    """A path that does not exist."""


class LimitError(InputError):
    """An input larger than a configured limit."""


class InternalError(Error):
    """A bug in dossier: please report it."""


class InputWarning(UserWarning):
    """An input was skipped or cut, or a briefing has a notice; the rest went through."""
