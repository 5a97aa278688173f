"""`pelican-jekyll SRC OUT`: build the Jekyll site in SRC into OUT with Pelican."""

import argparse
import sys

from .build import SiteErrors, build
from .reader import messages
from .reader.messages import say


def _sort_key(error):
    return (str(error.path), error.line is None, error.line or 0)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="pelican-jekyll", description=__doc__.split(": ", 1)[1])
    parser.add_argument("source", metavar="SRC", help="the Jekyll site's folder (with _config.yml)")
    parser.add_argument("output", metavar="OUT", help="where to write the built site")
    parser.add_argument(
        "--lang",
        choices=messages.LANGUAGES,
        default=messages.DEFAULT,
        help="the language of the messages (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    messages.use(args.lang)
    try:
        site = build(args.source, args.output)
    except SiteErrors as failed:
        for error in sorted(failed.errors, key=_sort_key):
            print(error, file=sys.stderr)
        count = len(failed.errors)
        print(
            say(
                f"pelican-jekyll: site not built, {count} error(s); "
                f"nothing was written to {args.output}",
                f"pelican-jekyll : site non construit, {count} erreur(s) ; "
                f"rien n'a été écrit dans {args.output}",
            ),
            file=sys.stderr,
        )
        return 1
    for warning in sorted(site.warnings, key=_sort_key):
        note = say("warning: Jekyll accepts it", "avertissement : Jekyll l'accepte")
        print(f"{warning} ({note})", file=sys.stderr)
    written = sum(1 for doc in site.documents.values() if doc.output)
    print(f"pelican-jekyll: {written} documents, {len(site.static_files)} static files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
