"""Serve the Noto fonts straight from their installed packages (no CDN, no copy in the repo)."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def _font_files() -> dict[str, tuple[str, object]]:
    import fontpkg_noto_sans
    import fontpkg_noto_sans_arabic

    arabic = fontpkg_noto_sans_arabic.ROOT / "files"
    latin = fontpkg_noto_sans.ROOT / "files"
    return {
        "noto-sans-arabic.ttf": ("Noto Sans Arabic", arabic / "NotoSansArabic[wdth,wght].ttf"),
        "noto-sans.ttf": ("Noto Sans", latin / "NotoSans[wdth,wght].ttf"),
    }


@require_GET
@cache_control(public=True, max_age=86400 * 30)
def font_file(request, name: str):
    entry = _font_files().get(name)
    if entry is None or not entry[1].exists():
        raise Http404(name)
    return FileResponse(open(entry[1], "rb"), content_type="font/ttf")


@require_GET
@cache_control(public=True, max_age=86400)
def fonts_css(request):
    rules = []
    for name, (family, _path) in _font_files().items():
        url = reverse("web:font", args=[name])
        rules.append(
            f"@font-face {{ font-family: '{family}'; src: url('{url}') format('truetype'); "
            "font-weight: 100 900; font-stretch: 62.5% 100%; font-display: swap; }"
        )
    return HttpResponse("\n".join(rules) + "\n", content_type="text/css; charset=utf-8")
