"""The template helpers that every page uses: bidi isolation of left-to-right tokens."""

from __future__ import annotations

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(source: str, **context) -> str:
    return Template("{% load marsad %}" + source).render(Context(context))


def test_a_code_is_isolated_left_to_right():
    assert render('{{ p|bdi:"ltr" }}', p="2025-9M") == '<bdi dir="ltr">2025-9M</bdi>'


def test_a_name_takes_the_direction_of_its_first_letter():
    assert render("{{ n|bdi }}", n="Bắc Ninh") == "<bdi>Bắc Ninh</bdi>"


def test_the_token_is_escaped_and_nothing_shows_for_nothing():
    assert render("{{ n|bdi }}", n="<b>x</b>") == "<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>"
    assert render("{{ n|bdi }}", n=None) == "" and render("{{ n|bdi }}", n="") == ""


def test_a_wrong_direction_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="ltr"):
        render('{{ n|bdi:"up" }}', n="x")


def test_an_inputs_history_link_is_the_reversed_url():
    from django.urls import reverse

    from marsad.web.templatetags.figures import _input

    assert _input("5") == {"label": "#5", "url": reverse("web:observation-changes", args=[5])}
    assert _input("1234567")["url"] == reverse("web:observation-changes", args=[1234567])
