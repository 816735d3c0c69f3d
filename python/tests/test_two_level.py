"""Two-level games from Python: actors' beliefs about ratifiers, ratification-aware negotiators
(docs/negotiation-protocols.md, "Two-level games")."""

import pytest

import parley
from conftest import FLAGSHIP, SOURCE_DIR

TWO_LEVEL = str(SOURCE_DIR / "tests" / "data" / "negotiate" / "two_level.yaml")


def test_beliefs_are_read_edited_and_saved(tmp_path):
    s = parley.load(str(FLAGSHIP))
    ru = s.actors[1]
    assert ru.id == "ru"
    assert [s.actors[b.about].id for b in ru.beliefs] == ["ua", "eu"]
    assert ru.beliefs[0].reservation.kind == "normal"
    assert ru.beliefs[0].reservation.mean == 0.25
    ru.beliefs[0].reservation.mean = 0.2  # a live view
    assert s.actors[1].beliefs[0].reservation.mean == 0.2
    s.actors[0].beliefs = [parley.Belief(about=2, reservation=parley.Distribution(kind="choice", values=[0.3]))]
    s.validate()
    assert "reservation: 0.3" in s.to_yaml()
    path = tmp_path / "edited.yaml"
    s.save(str(path))
    again = parley.load(str(path))
    assert again.actors[0].beliefs[0].reservation.values == (0.3,)
    assert again.actors[1].beliefs[0].reservation.mean == 0.2
    assert again.actors == s.actors


def test_a_belief_about_oneself_is_refused():
    s = parley.load(TWO_LEVEL)
    s.actors[1].beliefs = [parley.Belief(about=1, reservation=parley.Distribution(kind="choice", values=[0.3]))]
    with pytest.raises(parley.Error, match="actors.b.beliefs.b: 'b' holds a belief about itself"):
        s.validate()


def test_tied_hands_win_the_better_deal_and_a_wrong_belief_is_vetoed():
    s = parley.load(TWO_LEVEL)
    naive = parley.negotiate(s, strategies={"a": "boulware", "b": "boulware"}).to_dict()["stages"][0]
    assert naive["status"] == "rejected"
    aware = parley.negotiate(s, strategies={"a": "boulware", "b": "ratification_aware"}).to_dict()["stages"][0]
    assert aware["status"] == "agreement"
    assert aware["agreement"] == {"x": 40}
    assert aware["beliefs"] == [
        {"actor": "b", "views": [{"ratifier": "r", "knowledge": "shared_channel", "reservation": 0.6}]}
    ]
    s.actors[1].beliefs = [parley.Belief(about=2, reservation=parley.Distribution(kind="choice", values=[0.45]))]
    wrong = parley.negotiate(s, strategies={"a": "boulware", "b": "ratification_aware"}).to_dict()["stages"][0]
    assert wrong["status"] == "rejected"
    assert wrong["beliefs"][0]["views"][0]["knowledge"] == "stated_belief"


def test_analyze_gives_the_win_set_as_the_cli_does():
    result = parley.analyze(parley.load(str(FLAGSHIP)), stage="settlement")
    w = result.win_set
    assert w == result.to_dict()["win_set"]
    assert not w["empty"] and w["size"]["exact"]
    assert 0 < w["size"]["count"] <= w["table"]["count"]
    roles = {p["actor"]: p["role"] for p in w["parties"]}
    assert roles == {"us": "table", "ru": "table", "ua": "ratifier", "eu": "ratifier"}
    assert set(w["shrinks_by"]) == {"ua", "eu"} and all(v >= 0 for v in w["shrinks_by"].values())
