"""`make bench`: framing against TextBlob on the 371 real PTC articles, end to end.

Every figure comes from a fresh process, most from running the real command-line tool:
  - sentences per second with one worker, and TextBlob's sentiment over the same sentences;
  - sentences per second with one worker, JSON Lines with the article scores only (--fields scores);
  - sentences per second of `framing.analyze` in a loop (scoring alone, models loaded);
  - --jobs 2 against --jobs 1;
  - cold start: `framing score` on one article against TextBlob on one sentence;
  - peak memory scoring the corpus ten times over;
  - a re-run over the unchanged corpus with the cache against the first run;
  - with Dask (when installed): 1 and 2 workers of a LocalCluster against --jobs 1 and 2, all
    timed in one process with the workers already up, the cluster's start-up apart, and the
    Dask overhead per article (1 worker against --jobs 1).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import run_main
from .datasets import PTC_ARTICLES, require_data_dir

TEXTBLOB_ONE = ("from textblob import TextBlob; "
                "TextBlob('Officials said the fighting could spread to neighbouring towns.').sentiment")


def _framing(*args: str, cache: str | None = None, keep_output: bool = False) -> tuple[float, str]:
    """Wall time of one `framing` run in a fresh process, and its stdout if asked for (else
    it goes to /dev/null, so that reading it does not count against framing)."""
    env = dict(os.environ, FRAMING_CACHE=cache or "")
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "framing", *args], env=env, stderr=subprocess.PIPE,
                              text=True, stdout=out if keep_output else subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        out.seek(0)
        stdout = out.read()
    if done.returncode not in (0, 2):
        raise SystemExit(f"framing {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, stdout


def _python(code: str, *args: str, stdin: str | None = None) -> str:
    """What a snippet of Python prints, run in a fresh interpreter."""
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True,
                          text=True, check=True).stdout


def _peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of a command and the processes it waited for, in MB."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(_python(code, *command)) / 1024


def _textblob_rate(sentences: list[str]) -> float:
    code = ("import json, sys, time\nfrom textblob import TextBlob\nsentences = json.load(sys.stdin)\n"
            "TextBlob('warm up').sentiment\nstart = time.perf_counter()\n"
            "for s in sentences: TextBlob(s).sentiment\nprint(len(sentences) / (time.perf_counter() - start))")
    return float(_python(code, stdin=json.dumps(sentences)))


def _in_process_rate(corpus: str) -> float:
    """Sentences per second of `framing.analyze` over the articles, models already loaded:
    scoring alone, without start-up, reading or writing."""
    code = ("import sys, time, framing\nfrom pathlib import Path\n"
            "texts = [p.read_text(encoding='utf-8') for p in sorted(Path(sys.argv[1]).glob('*.txt'))]\n"
            "framing.analyze('Warm up.')\nstart = time.perf_counter()\n"
            "n = sum(len(framing.analyze(t).sentences) for t in texts)\n"
            "print(n / (time.perf_counter() - start))")
    return float(_python(code, corpus))


def _median_time(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=dict(os.environ, FRAMING_CACHE=""))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def engine_seconds(corpus: str, engine: str, workers: int) -> dict:
    """Seconds to score the corpus on `engine` with `workers` workers already started (the
    models loaded in each), and the seconds it took to start them."""
    from ..batch.dask_engine import DaskBatch
    from ..batch.local import Batch
    from ..reading.files import read_documents

    start = time.perf_counter()
    if engine == "dask":
        import distributed

        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        batch = DaskBatch(workers, client=distributed.Client(cluster))
        batch.workers()  # connects, and loads the models in each worker
    else:
        batch = Batch(workers)  # its pool is forked on each run, models already loaded: that is --jobs
    started = time.perf_counter() - start
    list(batch.run(read_documents([corpus])))  # warm: a pool or a cluster at work
    batch.articles = 0
    start = time.perf_counter()
    results = list(batch.run(read_documents([corpus])))
    seconds = time.perf_counter() - start
    if engine == "dask":
        batch.client.close()
        cluster.close()
    return {"seconds": seconds, "start_s": started, "articles": len(results), "sentences": batch.sentences}


def _engine_figures(corpus: str) -> dict:
    code = ("import json, sys\nfrom framing.training.bench import engine_seconds\n"
            "print(json.dumps(engine_seconds(sys.argv[1], sys.argv[2], int(sys.argv[3]))))")
    runs = {(engine, n): json.loads(_python(code, corpus, engine, str(n)))
            for engine in ("local", "dask") for n in (1, 2)}
    figures = {}
    for (engine, n), run in runs.items():
        figures[f"{engine}_{n}_articles_per_s"] = round(run["articles"] / run["seconds"], 1)
    figures["dask_2_over_dask_1"] = round(runs["dask", 1]["seconds"] / runs["dask", 2]["seconds"], 2)
    figures["local_2_over_local_1"] = round(runs["local", 1]["seconds"] / runs["local", 2]["seconds"], 2)
    figures["dask_overhead_ms_per_article"] = round(
        (runs["dask", 1]["seconds"] - runs["local", 1]["seconds"]) / runs["dask", 1]["articles"] * 1000, 2)
    figures["dask_cluster_start_s_2_workers"] = round(runs["dask", 2]["start_s"], 2)
    return figures


def run(data: str | None) -> dict:
    root = require_data_dir(data)
    corpus = str(root / PTC_ARTICLES)
    articles = sorted(Path(corpus).glob("*.txt"))
    figures: dict = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                     "articles": len(articles)}

    one_job, results = _framing("score", corpus, "--format", "jsonl", "--jobs", "1", "--no-cache", "-q",
                                keep_output=True)
    sentences = [s["text"] for line in results.splitlines() for s in json.loads(line)["sentences"]
                 if s["kind"] != "debris"]
    all_sentences = sum(len(json.loads(line)["sentences"]) for line in results.splitlines())
    figures["sentences"] = all_sentences
    figures["framing_sentences_per_s_1_job"] = round(all_sentences / one_job, 1)
    scores_only, _ = _framing("score", corpus, "--format", "jsonl", "--jobs", "1", "--no-cache", "-q",
                              "--fields", "scores")
    figures["scores_only_sentences_per_s_1_job"] = round(all_sentences / scores_only, 1)
    figures["textblob_sentences_per_s"] = round(_textblob_rate(sentences), 1)
    figures["speed_ratio_vs_textblob"] = round(figures["framing_sentences_per_s_1_job"]
                                               / figures["textblob_sentences_per_s"], 2)

    figures["framing_in_process_sentences_per_s"] = round(_in_process_rate(corpus), 1)

    two_jobs, _ = _framing("score", corpus, "--format", "jsonl", "--jobs", "2", "--no-cache", "-q", keep_output=True)
    figures["jobs2_over_jobs1"] = round(one_job / two_jobs, 2)

    article = str(articles[0])
    figures["cold_start_framing_s"] = round(_median_time(
        [sys.executable, "-m", "framing", "score", article, "--no-cache", "-q"]), 2)
    figures["cold_start_textblob_s"] = round(_median_time([sys.executable, "-c", TEXTBLOB_ONE]), 2)

    figures["peak_rss_mb_1x"] = round(_peak_rss_mb(
        [sys.executable, "-m", "framing", "score", corpus, "--format", "jsonl", "--jobs", "1", "--no-cache", "-q"]), 1)
    figures["peak_rss_mb_10x"] = round(_peak_rss_mb(
        [sys.executable, "-m", "framing", "score", *[corpus] * 10, "--format", "jsonl", "--jobs", "1",
         "--no-cache", "-q"]), 1)

    with tempfile.TemporaryDirectory() as cache:
        first, _ = _framing("score", corpus, "--format", "jsonl", "--jobs", "1", "-q", cache=cache)
        again, _ = _framing("score", corpus, "--format", "jsonl", "--jobs", "1", "-q", cache=cache)
    figures["cache_first_run_s"] = round(first, 2)
    figures["cache_rerun_s"] = round(again, 2)
    figures["cache_speedup"] = round(first / again, 1)
    try:
        import distributed  # noqa: F401
    except ImportError:
        return figures
    figures.update(_engine_figures(corpus))
    return figures


FULL_BEFORE = 2300  # sentences/s with full output, one job, before --fields (issue 14)
TARGETS = [
    ("scores_only_sentences_per_s_1_job", ">=", 5000.0, "sentences/s, one job, JSONL --fields scores"),
    ("framing_sentences_per_s_1_job", ">=", float(FULL_BEFORE), "sentences/s, one job, full JSONL (no slower)"),
    ("speed_ratio_vs_textblob", ">=", 2.0, "framing sentences/s over TextBlob's, one core"),
    ("jobs2_over_jobs1", ">=", 1.7, "--jobs 2 over --jobs 1"),
    ("peak_rss_mb_10x", "<=", 400.0, "peak memory (MB), PTC corpus ten times over"),
    ("cache_speedup", ">=", 20.0, "cached re-run over first run"),
    ("dask_2_over_dask_1", ">=", 1.6, "2 Dask workers over 1"),
]


def format_figures(figures: dict) -> str:
    lines = [f"{k:32} {v}" for k, v in figures.items()]
    lines.append("")
    cold = figures["cold_start_framing_s"] <= figures["cold_start_textblob_s"]
    for key, op, target, what in TARGETS:
        if key not in figures:
            lines.append(f"skip  {what}: not measured (pip install 'framing[dask]')")
            continue
        value = figures[key]
        met = value >= target if op == ">=" else value <= target
        lines.append(f"{'met ' if met else 'MISS'}  {what}: {value} (target {op} {target})")
    lines.append(f"{'met ' if cold else 'MISS'}  cold start: framing {figures['cold_start_framing_s']} s, "
                 f"TextBlob {figures['cold_start_textblob_s']} s (target: framing no slower)")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data folder holding articles/ptc (default: $FRAMING_DATA or ../shared/data)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = run(args.data)
    print(json.dumps(figures, indent=2) if args.json else format_figures(figures), end="")


if __name__ == "__main__":
    run_main(main)
