"""Building, editing, validating and saving scenarios from Python (docs/python.md)."""

import copy
import json
import subprocess

import pytest

import parley
from conftest import PARLEY


# ---- A scenario built in Python ---------------------------------------------------------


def bilateral():
    """A small bilateral two-issue case, built field by field."""
    return parley.Scenario(
        name="Wage talks",
        description="A union and an employer bargain over pay and hours.",
        issues=[
            parley.Issue(id="pay", kind="continuous", lower=0, upper=10, steps=11),
            parley.Issue(id="hours", kind="discrete", options=["35", "37", "40"], ordered=True),
        ],
        actors=[
            parley.Actor(
                id="union",
                capability=1,
                stances=[parley.Stance(position=10, salience=0.7), parley.Stance(position=0, salience=0.3)],
                reservation_value=0.2,
            ),
            parley.Actor(
                id="employer",
                name="The employer",
                capability=1.5,
                stances=[parley.Stance(position=0, salience=0.4), parley.Stance(position=2, salience=0.6)],
                reservation_value=0.25,
                discount=0.95,
            ),
        ],
        stages=[parley.Stage(id="round1", issues=[0, 1], deadline=50)],
    )


def run_cli(*args):
    done = subprocess.run([PARLEY, *map(str, args)], capture_output=True, text=True, check=False)
    return done


def test_parts_are_built_with_keyword_arguments_under_the_cpp_names():
    issue = parley.Issue(id="hours", kind="discrete", options=["35", "40"], ordered=True)
    assert (issue.id, issue.name, issue.kind, issue.options, issue.ordered) == ("hours", "hours", "discrete", ("35", "40"), True)
    assert issue.value_count() == 2
    actor = parley.Actor(id="union")
    assert (actor.name, actor.capability, actor.discount, actor.shape, actor.weights) == ("union", 1, 1, "linear", "normalised")
    stage = parley.Stage(id="s")
    assert (stage.protocol, stage.deadline, stage.channel, stage.after, stage.issues) == ("sao", 100, None, None, ())
    channel = parley.Channel(id="table", members=[0, 1], outsiders_see="talks")
    assert channel.members == (0, 1) and channel.outsiders_see == "talks"
    link = parley.Link(issues=[0, 1], note="trade")
    variant = parley.VariantSummary(id="v", overrides=["actors.us.discount"], values=["0.9"])
    drawn = parley.UncertainInput(actor=1, field="capability", distribution=parley.Distribution(kind="uniform", min=1, max=2))
    assert drawn.distribution.kind == "uniform" and drawn.distribution.max == 2
    assert link.to_dict() == {"issues": [0, 1], "note": "trade"}
    assert variant.values == ("0.9",)
    assert parley.Actor(id="a", stances=[parley.Stance(position=1)]).stances[0].position == 1


def test_a_misspelled_keyword_or_choice_raises():
    with pytest.raises(TypeError, match="did you mean 'capability'"):
        parley.Actor(id="a", capabilty=2)
    with pytest.raises(parley.Error, match="no choice 'discret' .did you mean 'discrete'.") as error:
        parley.Issue(id="i", kind="discret")
    assert error.value.field == "Issue.kind"
    with pytest.raises(TypeError, match="Actor.capability"):
        parley.Actor(capability="high")
    with pytest.raises(TypeError, match="Issue.options"):
        parley.Issue(options="abc")  # a string is not a list of options


def test_a_scenario_built_in_python_runs_and_its_saved_file_gives_the_same_analysis(tmp_path):
    wage = bilateral()
    wage.validate()
    analysis = parley.analyze(wage)
    assert analysis.parties == ["union", "employer"] and len(analysis.pareto) > 1
    result = parley.negotiate(wage, seed=3)
    assert [s.stage for s in result.stages] == ["round1"]
    saved = tmp_path / "wage.yaml"
    wage.save(saved)
    assert parley.load(str(saved)) == wage
    analyzed = run_cli("analyze", saved, "--json")
    assert analyzed.returncode == 0, analyzed.stderr
    assert json.loads(analyzed.stdout) == analysis.to_dict()
    negotiated = run_cli("negotiate", saved, "--seed", 3, "--json")
    assert negotiated.returncode == 0, negotiated.stderr
    assert json.loads(negotiated.stdout) == result.to_dict()


def test_without_stages_every_issue_is_one_stage_as_in_a_file(tmp_path):
    wage = bilateral()
    wage.stages = []
    assert parley.analyze(wage).stage == "all"
    wage.save(tmp_path / "wage.yaml")
    assert [s.id for s in parley.load(str(tmp_path / "wage.yaml")).stages] == ["all"]


# ---- Editing: live views, copies, no silent loss ----------------------------------------


def test_parts_read_from_a_scenario_are_live_views(flagship):
    talks = flagship.copy()
    talks.actors[0].capability = 2
    assert talks.actors[0].capability == 2 and talks.actors["us"].capability == 2
    aid = talks.find_issue("aid")
    talks.actors["ru"].stances[aid].salience = 0.25
    assert talks.actors[1].stances[aid].salience == 0.25
    for actor in talks.actors:
        actor.discount = 0.5
    assert {a.discount for a in talks.actors} == {0.5}
    talks.stages["truce"].protocol_settings = {"on_failure": "continue"}
    assert dict(talks.stages[0].protocol_settings) == {"on_failure": "continue"}
    assert flagship.actors[0].capability == 100, "copy() detached the edited scenario"
    talks.validate()


def test_an_edit_is_never_silently_lost(flagship):
    talks = flagship.copy()
    with pytest.raises(AttributeError):
        talks.stages[0].issues.append(3)  # a tuple: assign the whole list instead
    with pytest.raises(TypeError):
        talks.stages[0].issues[0] = 3
    with pytest.raises(TypeError):
        talks.stages[0].protocol_settings["on_failure"] = "continue"
    with pytest.raises(AttributeError):
        talks.actors[0].stances[0].values.append(0.5)
    with pytest.raises(AttributeError):
        talks.actors[0].capabilty = 2  # no such field
    with pytest.raises(AttributeError):
        talks.nmae = "x"
    talks.stages[0].issues = [0, 1]
    assert talks.stages[0].issues == (0, 1)


def test_assigning_or_appending_a_part_copies_it(flagship):
    talks = flagship.copy()
    newcomer = parley.Actor(id="in", capability=5, stances=[s.copy() for s in talks.actors[0].stances])
    talks.actors.append(newcomer)
    newcomer.capability = 6  # the scenario holds a copy
    assert talks.actors[-1].capability == 5 and talks.actors[-1].id == "in"
    talks.actors[0] = talks.actors[1]
    assert talks.actors[0] == talks.actors[1] and talks.actors[0].id == "ru"
    talks.actors[0].id = "russia"
    assert talks.actors[1].id == "ru"
    detached = talks.actors[2].copy()
    detached.capability = 0.5
    assert not detached.is_view and talks.actors[2].is_view and talks.actors[2].capability != 0.5
    popped = talks.actors.pop()
    assert popped.id == "in" and len(talks.actors) == 6
    assert copy.deepcopy(talks) == talks


def test_a_view_of_a_removed_position_raises_instead_of_dangling(flagship):
    talks = flagship.copy()
    last = talks.actors[5]
    stance = last.stances[8]
    del talks.actors[5]
    with pytest.raises(IndexError, match="no longer exists"):
        last.capability
    with pytest.raises(IndexError):
        stance.salience = 1
    talks.actors.clear()
    with pytest.raises(IndexError):
        talks.actors[0]


def test_a_result_keeps_the_scenario_it_ran(flagship):
    talks = flagship.copy()
    result = parley.negotiate(talks, seed=7)
    before = result.to_dict()
    del talks.actors[5]
    talks.actors[0].id = "usa"
    assert result.to_dict() == before and result.actors[0] == "us"


# ---- Validation: the YAML loader's errors -----------------------------------------------


def talks_base():
    """The scenario of tests/data/bad/*.yaml ("Test talks"), before each fixture's mistake."""
    ordered = parley.Issue(id="ceasefire", kind="discrete", options=["none", "truce", "full 30-day", "permanent"], ordered=True)
    return parley.Scenario(
        name="Test talks",
        issues=[ordered, parley.Issue(id="aid", lower=0, upper=100)],
        actors=[
            parley.Actor(id="us", capability=100, stances=[parley.Stance(position=2, salience=0.9), parley.Stance(position=60, salience=0.4)]),
            parley.Actor(id="ru", capability=80, stances=[parley.Stance(position=1, salience=0.6), parley.Stance(position=0)]),
        ],
    )


def stage_cycle(s):
    s.stages = [parley.Stage(id="truce", issues=[0], after=2), parley.Stage(id="talks", issues=[1], after=0),
                parley.Stage(id="settlement", issues=[1, 0], after=1)]


def ratifier_without_stake(s):
    s.actors[1].stances[1].salience = 0.2
    s.actors.append(parley.Actor(id="eu", stances=[parley.Stance(), parley.Stance(position=100, salience=0.8)]))
    s.stages = [parley.Stage(id="truce", issues=[0], ratify=[2])]


def misspelled_stage_setting(s):
    s.stages = [parley.Stage(id="truce", issues=[0], protocol_settings={"on_falure": "continue"})]


def protocol_wrong_case(s):
    s.stages = [parley.Stage(id="truce", issues=[0], protocol="Mediated")]


def uncertainty_sd_negative(s):
    s.issues.append(parley.Issue(id="venue", kind="discrete", options=["geneva", "riyadh"]))
    for actor in s.actors:
        actor.stances.append(parley.Stance())
    s.uncertainty = [parley.UncertainInput(actor=0, field="salience", issue=1,
                                           distribution=parley.Distribution(kind="normal", mean=0.4, sd=-0.1))]


def unknown_actor_strategy(s):
    s.actors[0].strategy = "bolware:e=3"
    s.actors[1].strategy = "boulware:e=3"


def capability_zero(s):
    s.actors[1].capability = 0


def uncertainty_mode_outside(s):
    uncertainty_sd_negative(s)
    s.uncertainty[0].field = "position"
    s.uncertainty[0].distribution = parley.Distribution(kind="triangular", min=10, mode=90, max=50)


def reservation_out_of_range(s):
    s.actors[1].reservation_value = 1.5


def negative_salience(s):
    s.actors[1].stances[0].salience = -0.5


def link_single_issue(s):
    s.links.append(parley.Link(issues=[1], note="nothing to trade"))


# Where the loader's check is validate()'s (or the strategy registry's), the file's error
# message is Python's: the file prints "FIELD: MESSAGE" after its position, Python "FIELD:
# MESSAGE". The checks the reader makes as it reads a value it words for the file ("must be
# in [0, 1], not 1.5"); Python then names the same field with validate()'s words.
SAME_MESSAGE = [
    # fixture, the mistake made in Python, the field the Python error names, its kind
    ("ratifier_without_stake", ratifier_without_stake, "stages.truce.ratify", "invalid"),
    ("misspelled_stage_setting", misspelled_stage_setting, "stages.truce.settings.on_falure", "unknown_name"),
    ("protocol_wrong_case", protocol_wrong_case, "stages.truce.protocol", "unknown_name"),
    ("uncertainty_sd_negative", uncertainty_sd_negative, "uncertainty.0.salience.normal.sd", "invalid"),
    ("uncertainty_mode_outside", uncertainty_mode_outside, "uncertainty.0.position.triangular", "invalid"),
    ("unknown_actor_strategy", unknown_actor_strategy, "actors.us.strategy", "unknown_name"),
    ("capability_zero", capability_zero, "", "invalid"),
]
SAME_FIELD = [
    ("reservation_out_of_range", reservation_out_of_range, "actors.ru.reservation", "invalid"),
    ("negative_salience", negative_salience, "actors.ru.stances.ceasefire.salience", "invalid"),
    ("link_single_issue", link_single_issue, "links.0.issues", "invalid"),
]


def test_the_fixtures_base_scenario_is_valid():
    talks_base().validate()


def python_error(mistake, field, kind):
    scenario = talks_base()
    mistake(scenario)
    with pytest.raises(parley.Error) as raised:
        scenario.validate()
    error = raised.value
    assert not isinstance(error, parley.InputError)
    assert error.field == field and error.kind == kind
    # save() checks the same and writes nothing
    with pytest.raises(parley.Error) as saving:
        scenario.save("/nonexistent-folder/never-written.yaml")
    assert str(saving.value) == str(error)
    return error


def file_error(source_dir, fixture):
    with pytest.raises(parley.InputError) as raised:
        parley.load(str(source_dir / "tests" / "data" / "bad" / f"{fixture}.yaml"))
    return raised.value


@pytest.mark.parametrize("fixture, mistake, field, kind", SAME_MESSAGE, ids=[m[0] for m in SAME_MESSAGE])
def test_validate_raises_the_yaml_loaders_message(source_dir, fixture, mistake, field, kind):
    error = python_error(mistake, field, kind)
    assert file_error(source_dir, fixture).message in (str(error), error.message)


@pytest.mark.parametrize("fixture, mistake, field, kind", SAME_FIELD, ids=[m[0] for m in SAME_FIELD])
def test_validate_names_the_field_the_yaml_loader_names(source_dir, fixture, mistake, field, kind):
    error = python_error(mistake, field, kind)
    from_file = file_error(source_dir, fixture)
    assert from_file.kind == kind
    assert field.rsplit(".", 1)[0] in from_file.message or field in from_file.message


def test_a_cycle_of_stages_names_the_first_after(source_dir):
    error = python_error(stage_cycle, "stages.truce.after", "invalid")
    assert "cycle through `after`" in error.message
    assert "cycle through `after`" in file_error(source_dir, "stage_cycle").message


def test_the_format_limits_raise_too_large():
    scenario = talks_base()
    scenario.issues[1].steps = 3_000_000_000
    with pytest.raises(parley.Error) as error:
        scenario.validate()
    assert error.value.kind == "too_large" and error.value.field == "issues.aid.steps"


@pytest.mark.parametrize("command", ["analyze", "negotiate", "forecast"])
def test_a_run_of_an_invalid_edit_raises_instead_of_crashing(flagship, command):
    talks = flagship.copy()
    talks.stages[0].issues = [0, 99]
    with pytest.raises(parley.Error) as error:
        getattr(parley, command)(talks)
    assert error.value.field == "stages.truce.issues.1" and "out of range" in str(error.value)
    talks = flagship.copy()
    talks.actors[0].stances.pop()
    with pytest.raises(parley.Error, match="actors.us.stances: 8 stances for 9 issues"):
        getattr(parley, command)(talks)


def test_a_variant_must_be_one_the_loader_can_apply(flagship):
    talks = flagship.copy()
    talks.variants[0].values = []
    with pytest.raises(parley.Error, match="0 values for 5 override paths") as error:
        talks.validate()
    assert error.value.field == "variants.trade-ukraine.values"
    talks = flagship.copy()
    talks.variants.append(parley.VariantSummary(id="calm", overrides=["actors.nobody.discount"], values=["0.9"]))
    with pytest.raises(parley.Error, match="nobody"):
        talks.validate()
    talks.variants[-1].overrides = ["actors.us.discount"]
    talks.validate()


def test_a_scenario_loaded_with_a_variant_is_saved_with_it_applied(tmp_path, flagship_path):
    varied = parley.load(str(flagship_path), variant="open-format")
    varied.save(tmp_path / "open.yaml")
    again = parley.load(str(tmp_path / "open.yaml"))
    assert again.variant == "" and len(again.variants) == 0
    assert again.actors == varied.actors and again.stages == varied.stages


def test_an_invalid_scenario_is_never_written(tmp_path, flagship):
    target = tmp_path / "talks.yaml"
    flagship.save(target)
    before = target.read_text()
    talks = flagship.copy()
    talks.actors[0].reservation_value = 2
    with pytest.raises(parley.Error, match="actors.us.reservation"):
        talks.save(target)
    assert target.read_text() == before and sorted(p.name for p in tmp_path.iterdir()) == ["talks.yaml"]


# ---- Saving and loading -----------------------------------------------------------------


ROUND_TRIPS = [
    "scenarios/talks-2025.yaml",
    "tests/data/genius/anac/y2011/Laptop",
    "tests/data/ktab/inputs/SOE-Pol-Comp.csv",
    "tests/data/deu/deu3.tsv",
]


@pytest.mark.parametrize("path", ROUND_TRIPS)
def test_save_then_load_gives_an_equal_scenario(tmp_path, source_dir, path):
    scenario = parley.load(str(source_dir / path))
    scenario.save(tmp_path / "saved.yaml")
    assert parley.load(str(tmp_path / "saved.yaml")) == scenario
    assert scenario.to_yaml() == (tmp_path / "saved.yaml").read_text()


def test_to_dict_is_plain_data(flagship):
    document = flagship.to_dict()
    assert json.loads(json.dumps(document)) == document
    assert document["actors"][0]["id"] == "us" and document["stages"][0]["issues"] == list(flagship.stages[0].issues)


def test_import_scenario_writes_what_parley_import_writes(tmp_path, source_dir):
    laptop = source_dir / "tests/data/genius/anac/y2011/Laptop"
    for normalise in (False, True):
        imported = parley.import_scenario(str(laptop), normalise_weights=normalise)
        cli = run_cli("import", "genius", laptop, *(["--normalise-weights"] if normalise else []))
        assert cli.returncode == 0, cli.stderr
        assert imported.to_yaml() == cli.stdout
    deu = source_dir / "tests/data/deu/deu3.tsv"
    assert parley.import_scenario(str(deu), format="deu").to_yaml() == run_cli("import", "deu", deu).stdout
    with pytest.raises(parley.InputError, match="not a peer tool's input"):
        parley.import_scenario(str(source_dir / "scenarios/talks-2025.yaml"))
    with pytest.raises(parley.Error, match="did you mean 'genius'"):
        parley.import_scenario(str(laptop), format="genus")


def test_load_takes_the_format_as_the_cli_does(source_dir):
    ktab = str(source_dir / "tests/data/ktab/inputs/SOE-Pol-Comp.csv")
    assert parley.load(ktab, format="ktab") == parley.load(ktab)
    with pytest.raises(parley.InputError):
        parley.load(ktab, format="genius")
