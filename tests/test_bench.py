"""The benchmark scripts of bench/ run, on a tiny synthetic site (no timing is asserted)."""

import re
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))

import bench_report  # noqa: E402  (bench/ is not on pytest's path)


def run(*args, cwd=ROOT):
    result = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def tree(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_the_generator_is_deterministic(tmp_path):
    for name in ("a", "b"):
        run(str(BENCH / "generate.py"), str(tmp_path / name), "--count", "3", "--flavor", "stock")
    first, second = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert first == second
    assert sorted(p for p in first if p.startswith("content/")) == [
        "content/defi-00001.md",
        "content/defi-00002.md",
        "content/defi-00003.md",
    ]


def test_a_synthetic_site_of_ours_builds_with_one_page_per_challenge(tmp_path):
    site = tmp_path / "ours"
    run(str(BENCH / "generate.py"), str(site), "--count", "4")
    run("-m", "pelican", "--log-handler", "plain", "-s", "pelicanconf.py", cwd=site)
    built = sorted(p.parent.name for p in (site / "output" / "defis").glob("defi-*/index.html"))
    assert built == ["defi-00001", "defi-00002", "defi-00003", "defi-00004"]


def test_the_benchmark_prints_its_table_and_writes_it_into_the_results(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text(
        "# Mesures\n\nAvant.\n\n<!-- bench:build -->\nancien tableau\n<!-- /bench:build -->\n"
        "\nAprès.\n",
        encoding="utf-8",
    )
    out = run(str(BENCH / "bench.py"), "--runs", "1", "--sizes", "5", "--results", str(results))
    assert "| site réel | nous |" in out
    assert "| 5 défis | nous |" in out
    assert "| 5 défis | Pelican seul |" in out
    assert "Enregistrement → page reconstruite sous `make serve`" in out
    # Processor seconds of the build process alone, cold / warm, beside the wall time.
    for tool in ("nous", "Pelican seul"):
        row = next(line for line in out.splitlines() if line.startswith(f"| 5 défis | {tool} |"))
        assert re.search(r"\| \d+,\d\d / \d+,\d\d \|", row), row
    # The reader alone, at the first synthetic size: each of the 5 challenges and the pages.
    reading = re.search(
        r"Lecture \(lecteur `jekyll_compat`\) à 5 défis : [\d,]+ s de processeur "
        r"pour (\d+) fichiers",
        out,
    )
    assert reading, out
    assert int(reading.group(1)) > 5
    written = results.read_text(encoding="utf-8")
    assert "ancien tableau" not in written
    assert written.startswith("# Mesures\n\nAvant.\n\n<!-- bench:build -->\nMesuré le ")
    assert written.endswith("<!-- /bench:build -->\n\nAprès.\n")
    block = written[written.index("<!-- bench:build -->") : written.index("<!-- /bench:build -->")]
    assert "| 5 défis | nous |" in block
    assert "Lecture (lecteur `jekyll_compat`) à 5 défis" in block
    assert f"Pelican {bench_report.pelican_version()}" in block


def test_the_results_file_gets_its_block_when_it_has_none(tmp_path):
    results = tmp_path / "RESULTS.md"
    for day in ("J", "K"):
        block = bench_report.results_block(f"Mesuré le jour {day}.", "| tableau |")
        bench_report.write_results(results, block)
    text = results.read_text(encoding="utf-8")
    assert text.count("<!-- bench:build -->") == 1
    assert "Mesuré le jour K." in text
    assert "jour J" not in text


def test_the_committed_results_have_the_block_the_benchmark_rewrites():
    text = bench_report.RESULTS.read_text(encoding="utf-8")
    assert len(bench_report.BLOCK.findall(text)) == 1
