"""The corpus summary, --summary, and the filters of the text findings."""
import json
import re

from click.testing import CliRunner
from conftest import CORPUS

from framing.cli import main
from framing.output.summary import CorpusSummary

COMMENTARY = str(CORPUS / "alarm_strait_commentary.txt")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def scores(loaded, opinion, speculative, total, voices, writer=(0, 0, 0), strong=(0, 0, 0)):
    """Article scores in the form aggregate.article_scores writes them."""
    counts = dict(zip(("loaded", "opinion", "speculative"), (loaded, opinion, speculative)))
    out = {"sentences": total, "scored_sentences": total, "voices": voices}
    for (task, count), w, s in zip(counts.items(), writer, strong):
        out[task] = {"count": count, "share": round(count / total, 4), "strong_share": round(s / total, 4),
                     "writer_share": round(w / total, 4), "reported_share": round((count - w) / total, 4),
                     "mean_probability": 0.5, "top": []}
    return out


def test_corpus_shares_pool_sentences_not_articles():
    corpus = CorpusSummary()
    corpus.add({"source": "a.txt", "scores": scores(3, 1, 0, 4, {"writer": 4}, writer=(3, 1, 0), strong=(1, 0, 0))})
    corpus.add({"source": "b.txt", "scores": scores(0, 0, 2, 16, {"writer": 10, "quoted": 6}, strong=(0, 0, 1))})
    # Pooled: 3 loaded of 20 sentences is 15%, where the mean of article shares would be 37.5%.
    assert corpus.lines() == [
        "== corpus: 2 articles, 20 sentences (20 scored)",
        "   loaded 15% of 20 scored sentences (strong 5%): 3 sentences, 3 in the writer's voice, 0 reported",
        "   opinion 5% of 20 scored sentences (strong 0%): 1 sentence, 1 in the writer's voice, 0 reported",
        "   speculative 10% of 20 scored sentences (strong 5%): 2 sentences, 0 in the writer's voice, 2 reported",
        "   voice of the 20 scored sentences: writer 14, attributed 0, quoted 6",
        "   most loaded articles (loaded share of their own scored sentences):",
        "      75%  3/4   a.txt",
        "       0%  0/16  b.txt",
    ]


def test_a_folder_ends_with_the_corpus_summary_pooled_from_its_articles():
    text = run("score", CORPUS, "--no-color")
    results = [json.loads(line) for line in run("score", CORPUS, "--format", "jsonl").output.splitlines()]
    assert text.exit_code == 0
    tail = text.output.split("\n\n")[-1].splitlines()
    scored = sum(r["scores"]["scored_sentences"] for r in results)
    loaded = sum(r["scores"]["loaded"]["count"] for r in results)
    assert tail[0] == (f"== corpus: {len(results)} articles, {sum(r['scores']['sentences'] for r in results)} "
                       f"sentences ({scored} scored)")
    assert tail[1].startswith(f"   loaded {loaded / scored:.0%} of {scored} scored sentences (strong ")
    assert f": {loaded} sentences, " in tail[1]
    assert [line.split()[0] for line in tail[1:5]] == ["loaded", "opinion", "speculative", "voice"]
    ranked = sorted(results, key=lambda r: (-r["scores"]["loaded"]["share"], -r["scores"]["loaded"]["count"]))
    assert tail[5] == "   most loaded articles (loaded share of their own scored sentences):"
    assert [line.split()[-1] for line in tail[6:]] == [r["source"] for r in ranked[:5]]


def test_one_article_has_no_corpus_summary_and_says_what_its_shares_are_of():
    result = json.loads(run("score", COMMENTARY, "--format", "json").output)
    lines = run("score", COMMENTARY, "--no-color").output.splitlines()
    s = result["scores"]
    assert not any(line.startswith("== corpus") for line in lines)
    assert lines[1].startswith(f"   loaded {s['loaded']['share']:.0%} of {s['scored_sentences']} scored sentences "
                               f"(strong {s['loaded']['strong_share']:.0%}): {s['loaded']['count']} sentences, ")
    assert lines[4] == ("   voice of the {} scored sentences: writer {writer}, attributed {attributed}, "
                        "quoted {quoted}").format(s["scored_sentences"], **s["voices"])


def test_summary_prints_no_findings():
    full = run("score", CORPUS, "--no-color").output
    summary = run("score", CORPUS, "--summary", "--no-color").output
    assert re.search(r"^\S+:\d+:\d+: ", full, re.M)
    assert not re.search(r"^\S+:\d+:\d+: ", summary, re.M)
    kept = [line for line in full.splitlines() if not re.match(r"(\S+:\d+:\d+: |    \S)", line)]
    assert summary.splitlines() == kept


def findings(output):
    return [line for line in output.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


def test_dimension_and_min_probability_filter_the_findings():
    result = json.loads(run("score", COMMENTARY, "--format", "json").output)
    expected = [s for s in result["sentences"] if s["speculative"] and s["speculative"]["label"] == "speculative"
                and s["speculative"]["probability"] >= 0.9]
    shown = findings(run("score", COMMENTARY, "--dimension", "speculative", "--min-probability", "0.9",
                         "--no-color").output)
    assert len(shown) == len(expected) > 0
    assert all(re.search(r": speculative (0\.9\d|1\.00) \[", line) for line in shown)
    both = findings(run("score", COMMENTARY, "--dimension", "speculative", "--dimension", "opinion",
                        "--no-color").output)
    assert {word for line in both for word in ("loaded", "opinion", "speculative") if f" {word} 0." in line
            or f" {word} 1." in line} == {"opinion", "speculative"}


def test_weak_triggers_are_neither_marked_nor_listed():
    result = json.loads(run("score", COMMENTARY, "--format", "json").output)
    weights = sorted({t["weight"] for s in result["sentences"] if s["loaded"] and s["loaded"]["label"] == "loaded"
                      for t in s["loaded"]["triggers"]})
    cut = weights[len(weights) // 2]  # half the commentary's loaded triggers fall below it
    weak = {t["text"] for s in result["sentences"] if s["loaded"] and s["loaded"]["label"] == "loaded"
            for t in s["loaded"]["triggers"] if t["weight"] < cut and " " not in t["text"]}
    assert weak
    default = run("score", COMMENTARY, "--dimension", "loaded", "--min-weight", str(cut), "--no-color").output
    everything = run("score", COMMENTARY, "--dimension", "loaded", "--min-weight", "0", "--no-color").output
    listed = {float(w) for w in re.findall(r"\S+ \+(\d\.\d\d)", default)}
    assert listed and min(listed) >= round(cut, 2) - 0.005
    for word in weak:
        assert f"\u00ab{word}\u00bb" in everything
    assert sum(f"\u00ab{word}\u00bb" in default for word in weak) < len(weak)