"""Signal wiring of the application_call plugin: the call's state, links and calendar."""

import logging
import os

from eig_common import boundaries
from eig_common.shared import shared
from pelican import signals
from pelican.generators import Generator

from . import calendar, settings
from .state import CallState

logger = logging.getLogger(__name__)


def compute_state(pelican):
    """Check the settings and fix the call's state for this build, before any page is read."""
    config = pelican.settings
    state = CallState(settings.load(config), config.get("SITEURL", ""))
    config["CALL"] = state
    # Pages read these as {{ site.x }}; the form's address follows the call's state.
    config["JEKYLL_SITE"] = {
        **(config.get("JEKYLL_SITE") or {}),
        "application_form_url": state.action_url(),
        "call_opens_label": state.opens_label,
        "call_closes_label": state.closes_label,
        # false when unset: Liquid's {% if %} takes an empty text for true.
        "mailing_list_url": state.mailing_list.url if state.mailing_list else False,
        "mailing_list_operator": state.mailing_list.operator if state.mailing_list else False,
        "call_opens_label_en": state.opens_label_en,
        "call_closes_label_en": state.closes_label_en,
    }
    logger.info("application_call: call %s at build time %s", state.state, state.settings.now)


class CalendarGenerator(Generator):
    """Writes the call's key dates as an .ics file."""

    def generate_context(self):
        self.call = self.settings["CALL"]
        shared(self.settings).claim(self.output_claims())
        # Not in nginx's mime.types: servers would send it as application/octet-stream.
        shared(self.settings).content_type(
            self.call.settings.calendar_save_as, "text/calendar; charset=utf-8"
        )

    def output_claims(self):
        save_as = self.call.settings.calendar_save_as
        return [(save_as, f"{save_as} (APPLICATION_CALL)")]

    def generate_output(self, writer):
        path = os.path.join(self.output_path, self.call.settings.calendar_save_as)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        settings = self.settings
        text = calendar.render(self.call.settings, settings["SITENAME"], settings["SITEURL"])
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(text)


def add_generators(pelican):
    return CalendarGenerator


def register():
    boundaries.declare("application_call", spec=settings.SPEC)
    # initialized: the state must be known before readers render {{ site.x }};
    # get_generators: the calendar is one more output file.
    signals.initialized.connect(compute_state)
    signals.get_generators.connect(add_generators)
