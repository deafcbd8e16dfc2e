"""SDMX exchange for statistics offices: SDMX-CSV 2.0 data (SDMX 3.0) and the data structure
definition (an SDMX-ML 2.1 structure message) of Marsad's observations.

The data structure ``MARSAD:DSD_OBSERVATIONS(1.0)``:

    dimensions  REF_AREA (area code), INDICATOR, MEASURE (level, yoy_pct, ...),
                OBS_KIND (plan, estimate, preliminary, official), TIME_PERIOD
    measure     OBS_VALUE (exact, as stored)
    attributes  UNIT_MEASURE, OBS_QUALIFIER (exact, more_than, about, ...)

Time periods are written the SDMX way: ``2024``, ``2024-S1``, ``2024-Q1``, ``2024-03``, and a
year-to-date span ``2025-9M`` as the time range ``2025-01-01/P9M``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from xml.sax.saxutils import escape

from marsad.core import measures, periods

from .transfer import neutralise

AGENCY = "MARSAD"
DSD_ID = "DSD_OBSERVATIONS"
DATAFLOW_ID = "DF_OBSERVATIONS"
VERSION = "1.0"
DATAFLOW = f"{AGENCY}:{DATAFLOW_ID}({VERSION})"
DIMENSIONS = ("REF_AREA", "INDICATOR", "MEASURE", "OBS_KIND", "TIME_PERIOD")
ATTRIBUTES = ("UNIT_MEASURE", "OBS_QUALIFIER")
HEADER = ("STRUCTURE", "STRUCTURE_ID", "ACTION", *DIMENSIONS, "OBS_VALUE", *ATTRIBUTES)


def sdmx_period(code: str) -> str:
    """A Marsad period code in SDMX's time format."""
    p = periods.parse(code)
    kind = p.kind.value if p.kind is not None else ""
    if kind == "year":
        return str(p.year)
    if kind == "half":
        return f"{p.year}-S{1 if p.first == 1 else 2}"
    if kind == "quarter":
        return f"{p.year}-Q{(p.first - 1) // 3 + 1}"
    if kind == "month":
        return f"{p.year}-{p.first:02d}"
    return f"{p.year}-{p.first:02d}-01/P{p.last - p.first + 1}M"


def write_sdmx_csv(rows: Iterable[dict], out) -> int:
    """Export rows (as :func:`transfer.export_rows` gives them) as SDMX-CSV 2.0 to a binary stream."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(HEADER)
    n = 0
    for row in rows:
        writer.writerow(
            [
                "dataflow",
                DATAFLOW,
                "I",
                neutralise(row["area"]),
                neutralise(row["indicator"]),
                row["measure"],
                row["status"],
                sdmx_period(row["period"]),
                row["value"],
                neutralise(row["unit"]),
                row["qualifier"],
            ]
        )
        n += 1
    text.detach()
    return n


def _codelist(cl_id: str, name: str, codes: Iterable[tuple[str, str]]) -> str:
    items = "".join(
        f'<str:Code id="{escape(code)}"><com:Name xml:lang="en">{escape(label)}</com:Name></str:Code>'
        for code, label in codes
    )
    return (
        f'<str:Codelist id="{cl_id}" agencyID="{AGENCY}" version="{VERSION}">'
        f'<com:Name xml:lang="en">{escape(name)}</com:Name>{items}</str:Codelist>'
    )


def _ref(cl_id: str) -> str:
    return f'<str:LocalRepresentation><str:Enumeration><Ref id="{cl_id}" agencyID="{AGENCY}" version="{VERSION}" package="codelist" class="Codelist"/></str:Enumeration></str:LocalRepresentation>'  # noqa: E501


def structure_message(areas: Iterable[tuple[str, str]], indicators: Iterable[tuple[str, str]], units) -> str:
    """The SDMX-ML 2.1 structure message: codelists, concepts, the DSD and its dataflow."""
    concepts = {
        "REF_AREA": "Reference area",
        "INDICATOR": "Indicator",
        "MEASURE": "What the number says about its indicator",
        "OBS_KIND": "How final the number is",
        "TIME_PERIOD": "Time period",
        "OBS_VALUE": "Observation value",
        "UNIT_MEASURE": "Unit of measure",
        "OBS_QUALIFIER": "How the source qualified the number",
    }
    codelists = "".join(
        [
            _codelist("CL_AREA", "Areas", areas),
            _codelist("CL_INDICATOR", "Indicators", indicators),
            _codelist("CL_MEASURE", "Measures", [(m, m) for m in measures.MEASURES]),
            _codelist("CL_OBS_KIND", "Statuses", [(s, s) for s in measures.STATUSES]),
            _codelist("CL_QUALIFIER", "Qualifiers", [(q, q) for q in measures.QUALIFIERS]),
            _codelist("CL_UNIT", "Units", [(u, u) for u in units]),
        ]
    )
    scheme = "".join(
        f'<str:Concept id="{c}"><com:Name xml:lang="en">{escape(n)}</com:Name></str:Concept>'
        for c, n in concepts.items()
    )

    def concept(c: str) -> str:
        return f'<str:ConceptIdentity><Ref id="{c}" maintainableParentID="CS_MARSAD" maintainableParentVersion="{VERSION}" agencyID="{AGENCY}" package="conceptscheme" class="Concept"/></str:ConceptIdentity>'  # noqa: E501

    lists = {
        "REF_AREA": "CL_AREA",
        "INDICATOR": "CL_INDICATOR",
        "MEASURE": "CL_MEASURE",
        "OBS_KIND": "CL_OBS_KIND",
        "UNIT_MEASURE": "CL_UNIT",
        "OBS_QUALIFIER": "CL_QUALIFIER",
    }
    dims = "".join(
        f'<str:Dimension id="{d}" position="{i}">{concept(d)}{_ref(lists[d])}</str:Dimension>'
        for i, d in enumerate(DIMENSIONS[:-1], start=1)
    )
    dims += f'<str:TimeDimension id="TIME_PERIOD" position="{len(DIMENSIONS)}">{concept("TIME_PERIOD")}</str:TimeDimension>'
    attrs = "".join(
        f'<str:Attribute id="{a}" assignmentStatus="Mandatory">{concept(a)}{_ref(lists[a])}'
        f"<str:AttributeRelationship><str:PrimaryMeasure>OBS_VALUE</str:PrimaryMeasure></str:AttributeRelationship></str:Attribute>"
        for a in ATTRIBUTES
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message" '
        'xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure" '
        'xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common">'
        "<mes:Header><mes:ID>MARSAD_STRUCTURE</mes:ID><mes:Test>false</mes:Test>"
        '<mes:Prepared>2025-01-01T00:00:00</mes:Prepared><mes:Sender id="MARSAD"/></mes:Header>'
        f"<mes:Structures><str:Codelists>{codelists}</str:Codelists>"
        f'<str:Concepts><str:ConceptScheme id="CS_MARSAD" agencyID="{AGENCY}" version="{VERSION}">'
        f'<com:Name xml:lang="en">Marsad concepts</com:Name>{scheme}</str:ConceptScheme></str:Concepts>'
        f'<str:DataStructures><str:DataStructure id="{DSD_ID}" agencyID="{AGENCY}" version="{VERSION}">'
        '<com:Name xml:lang="en">Marsad observations</com:Name><str:DataStructureComponents>'
        f'<str:DimensionList id="DimensionDescriptor">{dims}</str:DimensionList>'
        f'<str:AttributeList id="AttributeDescriptor">{attrs}</str:AttributeList>'
        f'<str:MeasureList id="MeasureDescriptor"><str:PrimaryMeasure id="OBS_VALUE">{concept("OBS_VALUE")}'
        "</str:PrimaryMeasure></str:MeasureList></str:DataStructureComponents></str:DataStructure>"
        "</str:DataStructures>"
        f'<str:Dataflows><str:Dataflow id="{DATAFLOW_ID}" agencyID="{AGENCY}" version="{VERSION}">'
        '<com:Name xml:lang="en">Marsad observations</com:Name>'
        f'<str:Structure><Ref id="{DSD_ID}" agencyID="{AGENCY}" version="{VERSION}" package="datastructure" '
        'class="DataStructure"/></str:Structure></str:Dataflow></str:Dataflows>'
        "</mes:Structures></mes:Structure>"
    )
