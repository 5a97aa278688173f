"""Whether the call is upcoming, open or closed at build time, and where actions lead."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import english_dates, french_dates

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


class CallState:
    """What templates know of the call (`CALL` in their context)."""

    def __init__(self, call, siteurl):
        self.settings = call
        self.page_url = f"{siteurl}/{call.page_url}"
        if call.now < call.opens:
            self.state = UPCOMING
        elif call.now <= call.closes:
            self.state = OPEN
        else:
            self.state = CLOSED
        self.opens_label = french_dates.day(call.opens)
        self.closes_label = french_dates.day(call.closes)
        self.closes_moment_label = french_dates.moment(call.closes)
        # Offered while the form is shut (upcoming, closed); None when not set up.
        self.mailing_list = call.mailing_list

        # The English pages' dates (plugins/translations, templates/en/).
        self.opens_label_en = english_dates.day(call.opens)
        self.closes_label_en = english_dates.day(call.closes)
        self.closes_moment_label_en = english_dates.moment(call.closes)

    @property
    def is_open(self):
        return self.state == OPEN

    def action_url(self, challenge=None):
        """The form while the call is open (naming the challenge if set up), else our page."""
        if not self.is_open:
            return self.page_url
        parameter = self.settings.challenge_parameter
        form_url = self.settings.form_url
        if challenge is None or not parameter:
            return form_url
        parts = urlsplit(form_url)
        query = [*parse_qsl(parts.query, keep_blank_values=True), (parameter, challenge)]
        return urlunsplit(parts._replace(query=urlencode(query)))

    def __repr__(self):
        return f"<CallState {self.state}>"
