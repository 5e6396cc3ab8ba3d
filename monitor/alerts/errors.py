"""The one failure every channel of the outbox reports (SMTP, Apprise): the message is left pending."""


class DeliveryError(Exception):
    """The server could not be reached or did not accept the message."""
