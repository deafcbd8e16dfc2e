"""Small server-side SVG charts: columns over time and signed horizontal bars.

Plain strings built from the data (no JavaScript, no CDN); numbers on labels come from the
caller's formatter so they follow the page's language and digits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

Formatter = Callable[[float], str]
PALETTE = ("#0b4f6c", "#136f63", "#c08a00", "#7a4fa3", "#b54708", "#3d6b9e")


def _short(label: str, limit: int = 34) -> str:
    """Labels longer than the label column are cut (the full name is in the bar's tooltip table)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _fmt(value: float) -> str:
    return f"{value:,.1f}"


def column_chart(
    points: Sequence[tuple[str, float]],
    *,
    title: str = "",
    fmt: Formatter = _fmt,
    rtl: bool = False,
    width: int = 560,
    height: int = 230,
) -> SafeString:
    """Columns for a series over periods; in right-to-left pages time runs from the right."""
    if not points:
        return mark_safe("")
    top, bottom, side = 24, 34, 10
    inner_h = height - top - bottom
    values = [v for _, v in points]
    hi, lo = max(0.0, *values), min(0.0, *values)
    span = (hi - lo) or 1.0
    slot = (width - 2 * side) / len(points)
    bar = min(56.0, slot * 0.62)
    zero_y = top + inner_h * hi / span
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" direction="ltr" role="img" '
        f'aria-label="{escape(title)}" class="chart-columns">',
        f'<line x1="{side}" y1="{zero_y:.1f}" x2="{width - side}" y2="{zero_y:.1f}" stroke="#9aa7b4"/>',
    ]
    for i, (label, value) in enumerate(points):
        slot_index = len(points) - 1 - i if rtl else i
        cx = side + slot * (slot_index + 0.5)
        h = inner_h * abs(value) / span
        y = zero_y - h if value >= 0 else zero_y
        colour = PALETTE[0] if value >= 0 else "#b42318"
        parts.append(
            f'<rect x="{cx - bar / 2:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{max(h, 0.5):.1f}" '
            f'fill="{colour}" rx="2"><title>{escape(label)}: {escape(fmt(value))}</title></rect>'
        )
        ty = y - 5 if value >= 0 else y + h + 13
        parts.append(
            f'<text x="{cx:.1f}" y="{ty:.1f}" text-anchor="middle" font-size="11" fill="#1d2733">'
            f"{escape(fmt(value))}</text>"
        )
        parts.append(
            f'<text x="{cx:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" fill="#5b6b7b">'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(
    items: Sequence[tuple[str, float]],
    *,
    title: str = "",
    fmt: Formatter = _fmt,
    rtl: bool = False,
    width: int = 560,
    row: int = 28,
) -> SafeString:
    """Horizontal bars (shares, contributions; negative values go the other way from zero)."""
    if not items:
        return mark_safe("")
    label_w, value_w, pad = 230, 64, 8
    items = [(_short(label), value) for label, value in items]
    height = row * len(items) + 2 * pad
    values = [v for _, v in items]
    hi, lo = max(0.0, *values), min(0.0, *values)
    span = (hi - lo) or 1.0
    plot_w = width - label_w - value_w - 2 * pad
    # In RTL the labels stand on the right and bars grow leftwards.
    plot_x0 = pad + value_w if rtl else pad + label_w
    zero = plot_w * (hi / span) if rtl else plot_w * (-lo / span)
    zero_x = plot_x0 + zero
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" direction="ltr" role="img" '
        f'aria-label="{escape(title)}" class="chart-bars">',
        f'<line x1="{zero_x:.1f}" y1="{pad}" x2="{zero_x:.1f}" y2="{height - pad}" stroke="#9aa7b4"/>',
    ]
    for i, (label, value) in enumerate(items):
        y = pad + i * row
        w = plot_w * abs(value) / span
        forward = (value >= 0) != rtl
        x = zero_x if forward else zero_x - w
        colour = PALETTE[i % len(PALETTE)] if value >= 0 else "#b42318"
        parts.append(
            f'<rect x="{x:.1f}" y="{y + 5}" width="{max(w, 0.5):.1f}" height="{row - 10}" fill="{colour}" '
            f'rx="2"><title>{escape(label)}: {escape(fmt(value))}</title></rect>'
        )
        # The svg is laid out left to right (direction="ltr"), so "end" means the right edge.
        if rtl:
            lx, anchor, vx, vanchor = width - pad, "end", pad + value_w - 4, "end"
        else:
            lx, anchor, vx, vanchor = pad, "start", width - pad - value_w + 4, "start"
        parts.append(
            f'<text x="{lx}" y="{y + row / 2 + 4:.1f}" text-anchor="{anchor}" font-size="12" '
            f'fill="#1d2733">{escape(label)}</text>'
        )
        parts.append(
            f'<text x="{vx}" y="{y + row / 2 + 4:.1f}" text-anchor="{vanchor}" font-size="12" '
            f'fill="#1d2733">{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
