"""Dates written the English way (British order), whatever the machine's locale."""

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def day(value):
    """'1 October 2017', '27 October 2017'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def moment(value):
    """'27 October 2017 at 23:59' (in the value's own time zone)."""
    return f"{day(value)} at {value.hour:02d}:{value.minute:02d}"
