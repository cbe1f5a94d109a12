"""A self-contained HTML report: per-group charts, score distributions, and every article
readable with its flagged sentences and trigger words highlighted.

No scripts, no external resources. Every piece of article text and metadata passes through
`html.escape` on its way out, so nothing in an article can run in the reader's browser.
"""
from __future__ import annotations

from html import escape

from .. import dimensions
from ..pipeline.scores import ArticleScores
from .highlight import MIN_WEIGHT, marks
from .report import Group
from .streams import GENERATOR_META

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:right}
td:first-child,th:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
figure{margin:0}figcaption{font-weight:600}details{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .7rem}
summary{cursor:pointer}.article p{margin:.5rem 0}.flag{background:#f6f6f6;border-radius:3px}
.tag{font-size:.7em;vertical-align:super;margin-left:.15em;color:#555}
mark{padding:0 .1em}mark.q{outline:1px dotted #555}.meta{color:#666;font-size:.9em}
.debris{color:#999}
"""


def style() -> str:
    """The page's CSS, with each dimension's marks in its own colours."""
    return STYLE + "".join(f".flag-{d.name}{{{d.flag_css}}}mark.{d.name}{{background:{d.tint}}}\n"
                           for d in dimensions.registered())


LABEL_CHARS = 40  # the longest group label a chart shows whole; longer ones lose their middle
CHAR_WIDTH = 7  # pixels per character of a 12px label, about


def short_label(name: str, limit: int = LABEL_CHARS) -> str:
    """`name` whole if it fits, else its start and (longer) end around an ellipsis: the end
    of a folder path or an outlet's name tells groups apart more often than the start."""
    if len(name) <= limit:
        return name
    head = (limit - 1) // 3
    return name[:head] + "\u2026" + name[len(name) - (limit - 1 - head):]


def _label(group: Group, x: int, y: int) -> str:
    """A chart's group label; a shortened one carries the whole name as its tooltip."""
    label = short_label(group.name)
    tooltip = f"<title>{escape(group.name)}</title>" if label != group.name else ""
    return f'<text x="{x}" y="{y}" text-anchor="end" font-size="12">{tooltip}{escape(label)}</text>'


def _bar_chart(groups: list[Group], task: str, bars: int = 270) -> str:
    """Horizontal bars of each group's mean share, with its 95% interval as a whisker; the
    label column is as wide as the longest label needs."""
    row = 26
    label_w = 12 + CHAR_WIDTH * max([len(short_label(g.name)) for g in groups] + [8])
    width = label_w + bars
    height = row * len(groups) + 30
    scale = (width - label_w - 20)
    parts = [f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for n, group in enumerate(groups):
        i = group.interval(task)
        y = 10 + n * row
        parts.append(_label(group, label_w - 6, y + 14))
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{i.mean * scale:.1f}" height="14" '
                     f'fill="{dimensions.get(task).html_colour}" opacity=".75"><title>{escape(group.name)}: {i.mean:.1%} '
                     f'(95% CI {i.low:.1%} to {i.high:.1%}, {group.articles} articles)</title></rect>')
        parts.append(f'<line x1="{label_w + i.low * scale:.1f}" x2="{label_w + i.high * scale:.1f}" '
                     f'y1="{y + 10}" y2="{y + 10}" stroke="#222" stroke-width="1.5"/>')
        parts.append(f'<text x="{label_w + i.high * scale + 4:.1f}" y="{y + 14}" font-size="11">'
                     f'{i.mean:.0%}</text>')
    axis_y = height - 12
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        x = label_w + tick * scale
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 10}" font-size="10" text-anchor="middle">{tick:.0%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(groups: list[Group], task: str, bins: int = 10, width: int = 300, height: int = 140) -> str:
    """How many articles have each share of flagged sentences (all groups together)."""
    counts = [0] * bins
    for group in groups:
        for value in group.values(task):
            counts[min(int(value * bins), bins - 1)] += 1
    top = max(counts) or 1
    bar_w = width / bins
    parts = [f'<svg role="img" width="{width}" height="{height + 20}" viewBox="0 0 {width} {height + 20}">']
    for b, count in enumerate(counts):
        h = (height - 10) * count / top
        parts.append(f'<rect x="{b * bar_w + 1:.1f}" y="{height - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                     f'fill="{dimensions.get(task).html_colour}" opacity=".7"><title>{b / bins:.0%}-{(b + 1) / bins:.0%}: '
                     f'{count} articles</title></rect>')
    parts.append(f'<text x="0" y="{height + 15}" font-size="10">0%</text>'
                 f'<text x="{width}" y="{height + 15}" font-size="10" text-anchor="end">100%</text></svg>')
    return "".join(parts)


def _sentence_html(text: str, sentence: dict) -> str:
    """One sentence with its trigger words marked, tagged with the labels it earned."""
    flagged = [d.name for d in dimensions.registered()
               if sentence.get(d.name) and sentence[d.name]["label"] == d.positive]
    start, end = sentence["start"], sentence["end"]
    if sentence["kind"] == "debris":
        return f'<span class="debris">{escape(text[start:end])}</span>'
    strong = {t: [tr for tr in sentence[t]["triggers"] if tr["weight"] >= MIN_WEIGHT] for t in flagged}
    triggers = ((tr["start"], tr["end"], t, tr.get("quoted", False)) for t in flagged for tr in strong[t])
    out, pos = [], start
    for mark in marks(start, end, triggers):
        out.append(escape(text[pos:mark.start]))
        css = mark.dimension + (" q" if mark.quoted else "")
        out.append(f'<mark class="{css}">{escape(text[mark.start:mark.end])}</mark>')
        pos = mark.end
    out.append(escape(text[pos:end]))
    if not flagged:
        return "".join(out)
    detail = "; ".join(
        f"{t} {sentence[t]['probability']:.2f}"
        + (f" ({', '.join(sentence[t].get('kinds', []))})" if sentence[t].get("kinds") else "")
        + ": " + ", ".join(tr["text"] for tr in strong[t]) for t in flagged)
    classes = " ".join(f"flag-{t}" for t in flagged)
    tags = "".join(f'<span class="tag" style="color:{d.html_colour}">{d.letter}</span>'
                   for d in map(dimensions.get, flagged))
    return (f'<span class="flag {classes}" title="{escape(detail)} [{escape(sentence.get("voice", ""))}]">'
            f'{"".join(out)}</span>{tags}')


def _article_html(result: dict, open_: bool = False) -> str:
    text = result["text"]
    scores = ArticleScores.from_dict(result["scores"])
    paragraphs, current, pos = [], [], 0
    for sentence in result["sentences"]:
        gap = text[pos:sentence["start"]]
        if "\n" in gap and current:
            paragraphs.append(current)
            current = []
        elif current:
            current.append(escape(gap))
        current.append(_sentence_html(text, sentence))
        pos = sentence["end"]
    if current:
        paragraphs.append(current)
    shares = " · ".join(f"{t} {scores[t].share:.0%}" for t in dimensions.names())
    meta = ", ".join(f"{escape(str(k))}: {escape(str(v))}" for k, v in (result.get("metadata") or {}).items())
    first = result["sentences"][0] if result["sentences"] else {}
    headline = first.get("text") if first.get("kind") == "headline" else None
    name = result.get("title") or headline or result.get("id") or result.get("source")
    return (f'<details class="article"{" open" if open_ else ""}><summary>{escape(str(name))} <span class="meta">'
            f'{escape(shares)}</span></summary><p class="meta">{escape(str(result.get("source")))}'
            f'{" · " + meta if meta else ""}</p>'
            + "".join(f"<p>{''.join(p)}</p>" for p in paragraphs) + "</details>")


def _scoped(css: str, scope: str) -> str:
    """`css` with each rule's selectors confined to elements inside `scope`; the page's own
    rule (body) is left out."""
    rules = []
    for rule in css.replace("\n", "").split("}"):
        if "{" in rule and not rule.startswith("body{"):
            selectors, body = rule.split("{", 1)
            rules.append(",".join(f"{scope} {sel.strip()}" for sel in selectors.split(",")) + "{" + body + "}")
    return "".join(rules)


ARTICLE_STYLE = _scoped(STYLE, ".framing")


def article_fragment(result: dict) -> str:
    """One scored article, as the report shows it and open, with its own styles confined to
    it: what a notebook displays for a scored `Document`."""
    return f'<div class="framing"><style>{ARTICLE_STYLE}</style>{_article_html(result, open_=True)}</div>'


def render_article_page(results: list[dict]) -> str:
    """A page of a few articles, each as the report's article view (`framing score --format html`)."""
    title = results[0].get("source") if len(results) == 1 else f"{len(results)} articles"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{GENERATOR_META}<title>framing: {escape(str(title))}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>{style()}</style></head><body>
<p>{legend()}</p>
{"".join(_article_html(result, open_=True) for result in results)}
</body></html>
"""


def legend() -> str:
    names = dimensions.names()
    return ("Highlighted: " + ", ".join(f'<span class="flag flag-{n}">{n}</span>' for n in names)
            + "; their trigger words: " + ", ".join(f'<mark class="{n}">{n}</mark>' for n in names)
            + f'; <mark class="{names[0]} q">quoted</mark>.')


def render_html(groups: list[Group], by: str, max_articles: int = 1000) -> str:
    total = sum(g.articles for g in groups)
    rows = "".join(
        f"<tr><td>{escape(g.name)}</td><td>{g.articles}</td><td>{g.sentences}</td>"
        + "".join(f"<td>{i.mean:.1%} [{i.low:.1%}, {i.high:.1%}]</td>" for t in dimensions.names() for i in [g.interval(t)])
        + "</tr>" for g in groups)
    charts = "".join(f"<figure><figcaption>{t}: mean share of sentences, 95% CI</figcaption>"
                     f"{_bar_chart(groups, t)}</figure>" for t in dimensions.names())
    histograms = "".join(f"<figure><figcaption>{t}: articles by share of sentences</figcaption>"
                         f"{_histogram(groups, t)}</figure>" for t in dimensions.names())
    shown, sections = 0, []
    for g in groups:
        articles = []
        for result in g.results:
            if shown == max_articles:
                break
            articles.append(_article_html(result))
            shown += 1
        sections.append(f"<h3>{escape(g.name)} ({g.articles} articles)</h3>{''.join(articles)}")
    note = f"<p class=\"meta\">Showing the first {shown} of {total} articles.</p>" if shown < total else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{GENERATOR_META}<title>framing report by {escape(by)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>{style()}</style></head><body>
<h1>framing report</h1>
<p>{total} articles in {len(groups)} groups by <b>{escape(by)}</b>. Shares are of each article's scored
sentences; intervals are 95% confidence intervals of the group mean (Student's t).
{legend()}</p>
<h2>Groups</h2>
<table><tr><th>{escape(by)}</th><th>articles</th><th>sentences</th>{"".join(f"<th>{t}</th>" for t in dimensions.names())}</tr>
{rows}</table>
<h2>Comparison</h2><div class="charts">{charts}</div>
<h2>Distribution of article scores</h2><div class="charts">{histograms}</div>
<h2>Articles</h2>{note}{"".join(sections)}
</body></html>
"""
