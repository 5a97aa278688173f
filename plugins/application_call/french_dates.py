"""Dates written the French way, whatever the machine's locale."""

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip


def day(value):
    """'1er octobre 2017', '27 octobre 2017'."""
    number = "1er" if value.day == 1 else str(value.day)
    return f"{number} {MONTHS[value.month - 1]} {value.year}"


def moment(value):
    """'27 octobre 2017 à 23 h 59' (in the value's own time zone)."""
    return f"{day(value)} à {value.hour} h {value.minute:02d}"
