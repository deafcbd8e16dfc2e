"""The text helpers: :class:`Spans` answers as a pass over every span would."""

from hypothesis import given
from hypothesis import strategies as st

from marsad.core.extract.text import Spans

span = st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=12), span)
def test_spans_overlap_as_a_pass_over_all_of_them(spans, probe):
    start, end = probe
    expected = any(a < end and start < b for a, b in spans)
    assert Spans(spans).overlaps(start, end) is expected


def test_a_span_inside_a_long_one_is_seen_past_shorter_ones():
    # the long span starts first and ends last: only the furthest end so far tells it
    spans = Spans([(0, 100), (10, 12), (20, 22)])
    assert spans.overlaps(50, 60)
    assert not Spans([(10, 12), (20, 22)]).overlaps(50, 60)
    assert not Spans([]).overlaps(0, 5)
