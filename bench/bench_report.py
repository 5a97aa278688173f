"""What bench/bench.py measured, as read: the runs, the Markdown table (French) and its
notes, the machine it ran on, and the block of bench/RESULTS.md it rewrites."""

import contextlib
import os
import platform
import re
import statistics
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BLOCK = re.compile(r"(<!-- bench:build -->\n).*?(<!-- /bench:build -->)", re.DOTALL)

LABELS = {"ours": "nous", "stock": "Pelican seul", "jekyll": "Jekyll", "hugo": "Hugo"}


@dataclass
class Run:
    seconds: float
    peak_mb: float
    pages: int
    cpu: float = None  # processor seconds (user + system) of the build process


@dataclass
class Row:
    site: str
    tool: str
    cold: list
    warm: list

    def median(self, runs, attr):
        return statistics.median(getattr(r, attr) for r in runs) if runs else None


def fmt(value, pattern="{:.2f}"):
    return "—" if value is None else pattern.format(value).replace(".", ",")


def table(rows, reload_seconds, tools_missing, share_ms=None, reading=None):
    """The Markdown table of bench/RESULTS.md (French), with ratios of ours to each other tool."""
    ours = {row.site: row for row in rows if row.tool == "ours"}
    lines = [
        "| Site | Outil | Pages | À froid (s) | À chaud (s) | À froid / à chaud | ms/page à froid "
        "| Processeur à froid / à chaud (s) | Mémoire max (Mo) | Nous / outil, à froid |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        cold, warm = row.median(row.cold, "seconds"), row.median(row.warm, "seconds")
        pages = int(row.median(row.cold, "pages"))
        ratio = "—"
        if row.tool != "ours" and row.site in ours:
            ratio = fmt(ours[row.site].median(ours[row.site].cold, "seconds") / cold) + " ×"
        lines.append(
            f"| {row.site} | {LABELS[row.tool]} | {pages} | {fmt(cold)} | {fmt(warm)} "
            f"| {fmt(cold / warm)} × | {fmt(cold * 1000 / pages, '{:.1f}')} "
            f"| {fmt(row.median(row.cold, 'cpu'))} / {fmt(row.median(row.warm, 'cpu'))} "
            f"| {fmt(row.median(row.cold, 'peak_mb'), '{:.0f}')} | {ratio} |"
        )
    notes = [
        "À chaud, pour nous : reconstruction après l'enregistrement d'un défi, par le "
        "processus de construction que `make serve` garde entre deux enregistrements ; "
        "pour les autres : la même commande relancée, avec leur cache.",
        "Processeur : temps de processeur (utilisateur + système) du seul processus de "
        "construction, médiane ; sur une machine que d'autres utilisent en même temps, c'est "
        "lui qu'il faut comparer, le temps écoulé dépendant de leur charge.",
        f"Enregistrement → page reconstruite sous `make serve` : {fmt(reload_seconds)} s (médiane)."
        if reload_seconds is not None
        else "Enregistrement → page reconstruite : non mesuré.",
    ]
    if share_ms is not None:
        notes.append(
            f"Images de partage : {fmt(share_ms, '{:.1f}')} ms de processeur par défi à froid "
            f"(titres du site réel), soit {fmt(share_ms, '{:.1f}')} s de plus pour 1 000 défis "
            "à la première construction, rien ensuite (cache `.cache/share-images/`). Le site "
            "réel les dessine à chaque mesure à froid ; les sites synthétiques, comparés à des "
            "outils qui n'en dessinent pas, n'ont que l'image du site "
            '(`SHARE_IMAGES["challenges"] = False`).'
        )
    if reading is not None:
        median = statistics.median(reading.seconds)
        challenges = f"{reading.count:,}".replace(",", " ")
        notes.append(
            f"Lecture (lecteur `jekyll_compat`) à {challenges} défis : {fmt(median)} s de "
            f"processeur pour {reading.files} fichiers, soit "
            f"{fmt(median * 1000 / reading.files)} ms par fichier (médiane de "
            f"{len(reading.seconds)} lectures de tous les fichiers, chacune par un lecteur neuf ; "
            "`bench/read_cost.py`)."
        )
    notes += [_ours_spread(row) for row in rows if row.tool == "ours"]
    notes += [f"{name} : absent de cette machine, colonne omise." for name in tools_missing]
    return "\n".join(lines) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def _ours_spread(row):
    """Our cold/warm ratio run by run (the noise), and the kept build process's memory."""
    ratios = [c.seconds / w.seconds for c, w in zip(row.cold, row.warm, strict=True)]
    return (
        f"Nous, {row.site} : à froid / à chaud de {fmt(min(ratios))} à {fmt(max(ratios))} × "
        f"selon l'exécution ; mémoire max du processus gardé par `make serve` : "
        f"{fmt(max(w.peak_mb for w in row.warm), '{:.0f}')} Mo."
    )


def machine(others=()):
    """The date, the processor, the load, the system and the tools' versions, in French."""
    cpus = os.cpu_count()
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg()).replace(".", ",")
    model = platform.processor() or platform.machine()
    system = platform.system()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError):
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    versions = [f"Python {platform.python_version()}", f"Pelican {pelican_version()}"]
    versions += [tool_version(tool) for tool in others]
    return (
        f"{date.today().isoformat()}, sur {cpus} cœurs ({model}), charge moyenne {load} ; "
        f"{system}, {', '.join(versions)}"
    )


def pelican_version():
    from pelican import __version__

    return __version__


def tool_version(tool):
    """`Jekyll 4.3.1`: the first version-looking word the tool prints about itself."""
    command = [tool, "--version"] if tool == "jekyll" else [tool, "version"]
    out = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    found = re.search(r"v?(\d+\.\d+[\w.-]*)", out)
    return f"{LABELS[tool]} {found.group(1) if found else '(version inconnue)'}"


def results_block(header, body):
    """The generated part of bench/RESULTS.md: when and where, then the table."""
    return f"<!-- bench:build -->\n{header}\n\n{body}\n<!-- /bench:build -->"


def write_results(path, block):
    """Put `block` in place of the marked block of `path`, keeping the text around it."""
    path = Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if BLOCK.search(text):
        text = BLOCK.sub(lambda _: block, text, count=1)
    else:
        text = (text or "# Mesures\n") + "\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
