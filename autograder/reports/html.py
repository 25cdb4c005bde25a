"""The small HTML page frame the reports share: readable at 200% zoom, no scripts, no external files."""
from __future__ import annotations

from html import escape

STYLE = """
body { font-family: system-ui, sans-serif; font-size: 1rem; line-height: 1.5; max-width: 60rem; margin: 0 auto;
       padding: 1rem; color: #1a1a1a; background: #fff; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
img { max-width: 100%; height: auto; }
figure { margin: 1rem 0; }
td, th, p, li, figcaption { overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; max-width: 100%; }
.passed { color: #1b5e20; } .failed { color: #8b1a1a; } .note { background: #f3f3f3; padding: 0.5rem; }
"""


def page(title: str, body: str) -> str:
    """A complete HTML document with the shared style."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def table(headings: list[str], rows: list[list[object]], caption: str = "") -> str:
    """An HTML table with escaped cells and a caption."""
    head = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    # a wide table scrolls on its own at 200% zoom, as WCAG's reflow rule allows for data tables; the page never does
    return f'<div class="table-wrap"><table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def figure(src: str, alt: str, description: str) -> str:
    """An image with short alt text and a longer text description beside it, for screen-reader users."""
    return (f'<figure><img src="{escape(src)}" alt="{escape(alt)}">'
            f"<figcaption>{escape(description)}</figcaption></figure>")
