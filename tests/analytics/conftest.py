"""The demo's data (sample observations and the two seed reports accepted) in the test database."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo(db):
    from marsad.cli.setup import SEEDS, examples_dir
    from marsad.documents.ingest import accept_all, ingest_text
    from marsad.observations.transfer import import_file

    examples = examples_dir()
    import_file(examples / "sample_observations.csv")
    for rel, area, year in SEEDS:
        path = examples / rel
        doc = ingest_text(path.read_text(encoding="utf-8"), title=path.name, lang="ar", area=area, year=year)
        accept_all(doc.document)
    return examples
