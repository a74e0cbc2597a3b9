"""A pack's default actors (pack.yaml's ``actors:``) must be actors of its actors.yaml: a name that is not fails on
the pack's first use, with an error naming the file and the name, not as a KeyError deep in some later article."""
from __future__ import annotations

import pytest

from warwire.extract.reports import default_actors_checked
from warwire.knowledge import packs

ACTORS = """\
actors:
  - name: Military Forces of Freedonia
    kind: State forces
    aliases: [Freedonian army]
  - name: Rebels of Freedonia
    kind: Rebel group
    aliases: [rebels]
  - name: Unidentified Armed Group (Freedonia)
    kind: Political militia
    aliases: [gunmen]
  - name: Civilians (Freedonia)
    kind: Civilians
    aliases: [civilians]
  - name: Protesters (Freedonia)
    kind: Protesters
    aliases: [protesters]
  - name: Rioters (Freedonia)
    kind: Rioters
    aliases: [rioters]
"""

PACK = """\
country: Freedonia
actors:
  unnamed: Unidentified Armed Group (Freedonia)
  state: Military Forces of Freedonia
  victims: Civilians (Freedonia)
  protesters: Protesters (Freedonia)
  rioters: Rioters (Freedonia)
  by_sub_event_type:
    Air/drone strike: state
{more}"""


def _pack(tmp_path, more: str = "", rioters: str = "Rioters (Freedonia)") -> packs.Pack:
    folder = tmp_path / "freedonia"
    folder.mkdir()
    (folder / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    config = PACK.format(more=more).replace("rioters: Rioters (Freedonia)", f"rioters: {rioters}")
    (folder / "pack.yaml").write_text(config, encoding="utf-8")
    return packs.load("freedonia", tmp_path)


def test_a_pack_whose_defaults_are_its_actors_passes(tmp_path):
    pack = _pack(tmp_path, "  actor2_by_sub_event_type:\n    Government regains territory: [Rebels of Freedonia]\n"
                           "  foes:\n    Military Forces of Freedonia: [Rebels of Freedonia]\n")
    assert default_actors_checked(pack) is pack.actor_dictionary


@pytest.mark.parametrize("more, where, name", [
    ("    Attack: Unknown Gunmen of Freedonia\n", "by_sub_event_type: Attack", "Unknown Gunmen of Freedonia"),
    ("  actor2_by_sub_event_type:\n    Government regains territory: [Rebel of Freedonia]\n",
     "actor2_by_sub_event_type: Government regains territory", "Rebel of Freedonia"),
    ("  foes:\n    Military Forces of Freedonia: [Rebelz]\n", "foes: Military Forces of Freedonia", "Rebelz"),
    ("  foes:\n    Air Force of Freedonia: [Rebels of Freedonia]\n", "foes: Air Force of Freedonia",
     "Air Force of Freedonia"),
])
def test_a_default_actor_missing_from_actors_yaml_names_the_file_and_the_name(tmp_path, more, where, name):
    pack = _pack(tmp_path, more)
    with pytest.raises(packs.PackError) as err:
        default_actors_checked(pack)
    message = str(err.value)
    assert str(pack.file("pack.yaml")) in message and f"{where}: {name!r}" in message


def test_a_role_missing_from_actors_yaml_fails_before_any_event_needs_it(tmp_path):
    pack = _pack(tmp_path, rioters="Rioter (Freedonia)")
    with pytest.raises(packs.PackError, match="rioters: 'Rioter \\(Freedonia\\)'"):
        default_actors_checked(pack)


def test_the_installed_packs_name_only_their_own_actors():
    for name in packs.names():
        pack = packs.load(name)
        assert default_actors_checked(pack) is pack.actor_dictionary
