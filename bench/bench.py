"""Build benchmark: prints a Markdown table of medians, and writes it into bench/RESULTS.md.

Rows: the real site, and synthetic sites (bench/generate.py) of 1,000 and 10,000
challenges, each built by us (Pelican with our plugins and theme), by stock Pelican
(no plugin, minimal templates), and by Jekyll and Hugo when they are installed.
Cold: a fresh process, no output and no cache. Warm, for us: the rebuild an editor
gets under `make serve` after saving one challenge, that is one build by the build
process that stays up (scripts/build_worker.py, after its first build), into a
fresh folder swapped with output/. Warm, for the others: the same command again,
with their cache (Pelican's CACHE_CONTENT and LOAD_CONTENT_CACHE; Jekyll's
.jekyll-cache; Hugo has none to keep). Peak memory is the cold build process's
maximum resident size (wait4). Processor time (user + system, of the build process
alone: wait4, or /proc for the process `make serve` keeps) is given beside the wall
time: on a machine that others use at the same time, it is the figure to compare.
Then the time from saving a challenge to its rebuilt page under `make serve`
(scripts/serve.py); last, the processor time of the reader alone over the first
synthetic site's files (bench/read_cost.py).

No measure pays for another: each starts once the files of the last one are written
out (sync), and once our build process has removed the site its last build replaced
(it does so after answering, while `make serve` already shows the new site).

The table, with the date and the machine, replaces the block between
`<!-- bench:build -->` and `<!-- /bench:build -->` of bench/RESULTS.md (or of
--results); the hand-written text around it is kept (bench/bench_report.py writes both).

Usage: .venv/bin/python bench/bench.py [--quick] [--runs N] [--sizes 1000,10000]
       [--results PATH]
"""

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import generate
from bench_report import LABELS, RESULTS, Row, Run, machine, results_block, table, write_results

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from build_worker import BuildWorker  # noqa: E402  (needs the scripts folder on the path)

# Stock Pelican's settings, added to its pelicanconf.py: the content cache on.
CACHE_SETTINGS = '\nCACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = "cache"\n'
# Any moment works; a fixed one makes every run build the same pages (call open).
BUILD_EPOCH = "1507500000"  # 2017-10-08
SERVE_WAIT = 120  # seconds: a bound on waiting for `make serve`, not a target


def quiesce():
    """Write out what earlier measures left in the page cache, so that no measure pays for
    another's files (the kernel would flush them during the next one)."""
    os.sync()


def timed(command, cwd, env=None):
    """Run a command; (seconds, peak resident MB, processor seconds) of that process alone."""
    quiesce()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    # Read the log while it runs (a full pipe would block the build), then reap it.
    log = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{log.decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # maxrss: kB


def count_pages(output):
    return sum(1 for _ in Path(output).rglob("*.html"))


# --- one tool: how to build cold, and warm --------------------------------------------


def pelican_command(settings):
    return [sys.executable, "-m", "pelican", "--log-handler", "plain", "-s", settings]


def ours_env():
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    env.pop("SITEURL", None)
    return env


def build_ours(site, warm):
    """Cold only: warm is measured by WarmOurs, in the process `make serve` keeps."""
    assert not warm
    shutil.rmtree(site / "output", ignore_errors=True)
    shutil.rmtree(site / SHARE_IMAGES_CACHE, ignore_errors=True)  # cold: no image kept
    seconds, peak, cpu = timed(pelican_command("pelicanconf.py"), site, ours_env())
    return Run(seconds, peak, count_pages(site / "output"), cpu)


# The share images' cache (plugins/share_images), for cold builds to remove.
SHARE_IMAGES_CACHE = ".cache"
# Share images drawn to measure their cost: the real site's challenges, many times.
SHARE_IMAGE_DRAWS = 150


def share_image_cost(log):
    """Milliseconds of processor time to draw one challenge's share image, no cache."""
    sys.path.insert(0, str(ROOT / "plugins"))
    import yaml
    from share_images import fonts, render

    fonts_dir = ROOT / "static" / "dsfr" / "fonts"
    bold = fonts.load(fonts_dir / "Marianne-Bold.woff2")
    medium = fonts.load(fonts_dir / "Marianne-Medium.woff2")
    drawn = render.Fonts(bold.data, medium.data, bold.characters & medium.characters)
    fronts = []
    for path in sorted((ROOT / "content" / "defis").glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        fronts.append((str(front.get("title")), str(front.get("administration"))))
    cards = [
        render.Card("Entrepreneurs d'intérêt général", f"{title} {i}", owner, "Appel")
        for i in range(SHARE_IMAGE_DRAWS // len(fronts) + 1)
        for title, owner in fronts
    ][:SHARE_IMAGE_DRAWS]
    render.render(cards[0], drawn)  # fonts opened, frame drawn: once per build
    start = time.process_time()
    for card in cards:
        render.render(card, drawn)
    ms = (time.process_time() - start) * 1000 / len(cards)
    log(f"  share images: {ms:.1f} ms of processor time each")
    return ms


# Passes of the reader over every file, in each of `runs` fresh processes (bench/read_cost.py).
READ_PASSES = 3


@dataclass
class ReadCost:
    count: int  # challenges of the synthetic site
    files: int
    seconds: list  # processor seconds of one pass over every file, pass by pass


def read_cost(workdir, count, runs, log):
    """The reader's processor time for one pass over a synthetic site's files (median)."""
    site = prepare(workdir, count, "ours")
    seconds, files = [], 0
    try:
        for _ in range(runs):
            quiesce()
            out = subprocess.run(
                [sys.executable, str(ROOT / "bench" / "read_cost.py"), str(READ_PASSES)],
                cwd=site,
                env=ours_env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                raise RuntimeError(f"bench/read_cost.py failed in {site}:\n{out.stderr[-3000:]}")
            found = json.loads(out.stdout.strip().splitlines()[-1])
            files = found["files"]
            seconds += found["seconds"]
    finally:
        shutil.rmtree(site, ignore_errors=True)
    log(f"  reader {count}: {statistics.median(seconds):.2f} s of processor time, {files} files")
    return ReadCost(count, files, seconds)


# Pelican's messages in the build process, kept out of the table (hidden: not built).
LOG = ".build-worker.log"


class WarmOurs:
    """Our warm rebuild: save one challenge, then one build by the running build process."""

    def __init__(self, site):
        self.site = site
        self.log = (site / LOG).open("w")
        self.worker = BuildWorker("pelicanconf.py", cwd=site, env=ours_env(), log=self.log)
        self.source = sorted((site / "content" / "defis").glob("*.md"))[0]
        self.original = self.source.read_text(encoding="utf-8")
        self.saves = 0
        self._build()  # its first build, as `make serve` makes when it starts
        self._settle()

    def _build(self):
        status = self.worker.build()
        if status != 0:
            log = (self.site / LOG).read_text(encoding="utf-8")[-3000:]
            raise RuntimeError(f"the build process failed ({status}) in {self.site}:\n{log}")

    def _settle(self):
        # The worker removes the site it replaced after answering: not during the next measure.
        if not self.worker.settle():
            raise RuntimeError(f"the build process stopped after a build in {self.site}")

    def __call__(self, site, warm):
        self.saves += 1
        text = self.original + f"\nRepère de mesure {self.saves}\n"
        self.source.write_text(text, encoding="utf-8")
        quiesce()
        before = _cpu_seconds(self.worker.process.pid)
        start = time.perf_counter()
        self._build()
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds(self.worker.process.pid) - before
        peak = _peak_mb(self.worker.process.pid)
        self._settle()
        return Run(seconds, peak, count_pages(site / "output"), cpu)

    def stop(self):
        self.worker.stop()
        self.log.close()
        self.source.write_text(self.original, encoding="utf-8")


def _cpu_seconds(pid):
    """The processor time (user + system) a running process has used so far (Linux)."""
    # Fields after the command's ")": state is the 3rd of /proc's numbering, utime the 14th.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid):
    """The maximum resident size so far of a running process (Linux), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def build_stock(site, warm):
    if not warm:
        shutil.rmtree(site / "output", ignore_errors=True)
        shutil.rmtree(site / "cache", ignore_errors=True)
    seconds, peak, cpu = timed(pelican_command("pelicanconf.py"), site)
    return Run(seconds, peak, count_pages(site / "output"), cpu)


def build_jekyll(site, warm):
    if not warm:
        shutil.rmtree(site / "_site", ignore_errors=True)
        shutil.rmtree(site / ".jekyll-cache", ignore_errors=True)
    seconds, peak, cpu = timed(["jekyll", "build", "--quiet"], site)
    return Run(seconds, peak, count_pages(site / "_site"), cpu)


def build_hugo(site, warm):
    if not warm:
        shutil.rmtree(site / "public", ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)
    seconds, peak, cpu = timed(["hugo", "--quiet"], site)
    return Run(seconds, peak, count_pages(site / "public"), cpu)


def enable_cache(site, settings="pelicanconf.py"):
    conf = site / settings
    conf.write_text(conf.read_text(encoding="utf-8") + CACHE_SETTINGS, encoding="utf-8")


def prepare(workdir, count, tool):
    """A fresh site folder for `tool`: the real site (count None) or a synthetic one."""
    site = Path(workdir) / f"{tool}-{count or 'real'}"
    shutil.rmtree(site, ignore_errors=True)
    if count is None:
        site.mkdir(parents=True)
        for name in ("content", *generate.SITE_PARTS):
            shutil.copytree(ROOT / name, site / name, ignore=shutil.ignore_patterns("__pycache__"))
        for name in generate.SITE_SETTINGS:
            shutil.copyfile(ROOT / name, site / name)
    else:
        generate.write_site(site, count, flavor=tool)
    if tool == "stock":
        enable_cache(site)
    return site


BUILDERS = {"ours": build_ours, "stock": build_stock, "jekyll": build_jekyll, "hugo": build_hugo}


def measure(workdir, count, tool, runs, log):
    site = prepare(workdir, count, tool)
    cold, warm = [], []
    warm_builder = WarmOurs(site) if tool == "ours" else BUILDERS[tool]
    try:
        for i in range(runs):
            cold.append(BUILDERS[tool](site, warm=False))
            warm.append(warm_builder(site, warm=True))
            log(
                f"  {tool} {count or 'real'} run {i + 1}/{runs}: cold {cold[-1].seconds:.2f} s, "
                f"warm {warm[-1].seconds:.2f} s, {cold[-1].pages} pages, "
                f"{cold[-1].peak_mb:.0f} MB"
            )
    finally:
        if tool == "ours":
            warm_builder.stop()
    shutil.rmtree(site, ignore_errors=True)
    return Row(f"{count:,} défis".replace(",", " ") if count else "site réel", tool, cold, warm)


# --- save to reload under `make serve` -------------------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def save_to_reload(workdir, runs, log):
    """Seconds from saving a challenge to its rebuilt page in output/, under scripts/serve.py."""
    site = prepare(workdir, None, "ours")
    shutil.copytree(ROOT / "scripts", site / "scripts")
    source = sorted((site / "content" / "defis").glob("*.md"))[0]
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    command = [sys.executable, "scripts/serve.py", "--port", str(_free_port())]
    server = subprocess.Popen(
        command,
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    times = []
    try:
        if not _wait(lambda: (site / "output" / "index.html").is_file()):
            raise RuntimeError("scripts/serve.py wrote no output/index.html")
        # An editor's first save comes seconds after `make serve` starts: not while the
        # build process still tidies up after its first build (serve.py's watcher, itself,
        # starts before that build).
        time.sleep(1)
        original = source.read_text(encoding="utf-8")
        for i in range(runs):
            marker = f"Repère de mesure {i} {time.time_ns()}"
            start = time.perf_counter()
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            found = _wait(lambda m=marker: _built_page_has(site / "output", m))
            if not found:
                raise RuntimeError("the saved text never reached output/")
            times.append(time.perf_counter() - start)
            log(f"  save to reload {i + 1}/{runs}: {times[-1]:.2f} s")
            time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(site, ignore_errors=True)
    return statistics.median(times)


def _built_page_has(output, marker):
    for page in (output / "defis").glob("*/index.html"):
        try:
            if marker in page.read_text(encoding="utf-8"):
                return True
        except (OSError, UnicodeDecodeError):  # being written
            pass
    return False


def _wait(check, step=0.02):
    deadline = time.monotonic() + SERVE_WAIT
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(step)
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 run, 1,000 challenges only")
    parser.add_argument("--runs", type=int, help="runs per measure (default 3; 1 with --quick)")
    parser.add_argument("--sizes", help="synthetic sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--no-reload", action="store_true", help="skip the `make serve` measure")
    parser.add_argument(
        "--results", default=RESULTS, help="the file whose table is rewritten (bench/RESULTS.md)"
    )
    args = parser.parse_args(argv)
    runs = args.runs or (1 if args.quick else 3)
    sizes = [int(s) for s in (args.sizes or ("1000" if args.quick else "1000,10000")).split(",")]

    def log(message):
        print(message, file=sys.stderr, flush=True)

    others = [tool for tool in ("jekyll", "hugo") if shutil.which(tool)]
    missing = [LABELS[tool] for tool in ("jekyll", "hugo") if tool not in others]
    with tempfile.TemporaryDirectory(prefix="eig-bench-") as workdir:
        rows = [measure(workdir, None, "ours", runs, log)]
        for count in sizes:
            for tool in ("ours", "stock", *others):
                rows.append(measure(workdir, count, tool, runs, log))
        reload_seconds = None if args.no_reload else save_to_reload(workdir, max(runs, 3), log)
        share_ms = share_image_cost(log)
        reading = read_cost(workdir, sizes[0], runs, log) if sizes else None
    kind = "mesure rapide (`--quick`)" if args.quick else f"médiane de {runs} exécution(s)"
    header = f"Mesuré le {machine(others)} ; {kind}."
    body = table(rows, reload_seconds, missing, share_ms, reading)
    print(header + "\n\n" + body)
    write_results(args.results, results_block(header, body))
    log(f"table written into {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
