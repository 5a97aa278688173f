"""A write the machine refuses (disk full, read-only folder) told in one French sentence."""

import errno

# What each refusal means for whoever runs `make html`, and what to do about it.
CAUSES = {
    errno.ENOSPC: ("le disque est plein", "libérez de la place"),
    errno.EDQUOT: ("le quota de disque est atteint", "libérez de la place"),
    errno.EROFS: (
        "le dossier est en lecture seule",
        "construisez depuis une copie du projet où vous pouvez écrire",
    ),
    errno.EACCES: (
        "vous n'avez pas le droit d'y écrire",
        "vérifiez les droits du dossier du projet (ls -ld)",
    ),
    errno.EPERM: (
        "vous n'avez pas le droit d'y écrire",
        "vérifiez les droits du dossier du projet (ls -ld)",
    ),
}


def is_disk_error(error):
    return isinstance(error, OSError) and error.errno in CAUSES


def message(error):
    """`error` (an OSError of CAUSES) as one line for the terminal."""
    cause, fix = CAUSES[error.errno]
    where = f" {error.filename}" if error.filename else ""
    return (
        f"site non construit : écriture impossible dans{where} ({cause}) — {fix}, puis "
        "relancez la construction. Le dossier de sortie n'a pas changé."
    )
