"""Signal wiring of the security_policy plugin: the policy checked at start, given to templates."""

from eig_common import boundaries
from pelican import signals

from . import policy


def load_policy(pelican):
    # Checked before anything is read, so a bad setting stops the build at once.
    pelican.settings["CSP"] = policy.load(pelican.settings)


def register():
    boundaries.declare("security_policy", spec=policy.SPEC)
    signals.initialized.connect(load_policy)
