"""Scenarios built, edited and saved in Python: the parts of a scenario beyond those the
package's first lines import (docs/python.md, "Building, editing and saving scenarios").

Parts read from a scenario are live views of their position (editing one edits the
scenario); parts put into a scenario are copied; lists of plain values come back as tuples,
so an edit can never be silently lost.
"""

from ._parley import (
    Belief,
    Bound,
    Channel,
    Distribution,
    HyperRectangle,
    LabelledPoint,
    Link,
    UncertainInput,
    VariantSummary,
    import_scenario,
)

__all__ = [
    "Belief",
    "Bound",
    "Channel",
    "Distribution",
    "HyperRectangle",
    "LabelledPoint",
    "Link",
    "UncertainInput",
    "VariantSummary",
    "import_scenario",
]
