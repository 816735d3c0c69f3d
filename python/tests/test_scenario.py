"""parley.load and the Scenario it returns (the flagship, its variants)."""

import parley


def test_load_reads_the_flagship(flagship):
    assert flagship.name == "US–Russia talks on Ukraine, March 2025"
    assert len(flagship.issues) == 9
    assert [a.id for a in flagship.actors] == ["us", "ru", "ua", "eu", "uk", "cn"]
    assert [s.id for s in flagship.stages] == ["truce", "settlement"]
    assert flagship.variants.ids() == ["trade-ukraine", "press-russia", "ratifiers-unknown", "open-format"]
    assert [c.id for c in flagship.channels] == flagship.channels.ids()
    assert flagship.variant == ""


def test_issues_and_actors_have_their_cpp_fields(flagship):
    ceasefire = flagship.issues[0]
    assert ceasefire.id == "ceasefire"
    assert ceasefire.kind == "discrete"
    assert ceasefire.options[ceasefire.value_count() - 1] == ceasefire.options[-1]
    aid = flagship.issues[flagship.find_issue("aid")]
    assert aid.kind == "continuous" and aid.lower < aid.upper
    us = flagship.actors[flagship.find_actor("us")]
    assert len(us.stances) == len(flagship.issues)
    assert 0 <= us.reservation_value <= 1 and 0 < us.discount <= 1 and us.capability > 0
    assert any(stance.has_stake() for stance in us.stances)
    truce = flagship.stages[flagship.find_stage("truce")]
    assert all(0 <= i < len(flagship.issues) for i in truce.issues)
    assert flagship.find_actor("nobody") is None


def test_a_variant_is_applied(flagship_path):
    varied = parley.load(str(flagship_path), variant="open-format")
    assert varied.variant == "open-format"
    assert varied.name == parley.load(str(flagship_path)).name
