"""Districts and governorates a report names: a governorate named as such is kept, and a landmark that only says
where the unit lies is no place of the event."""
from __future__ import annotations

from warwire.extract.places import find_places
from warwire.knowledge import packs


def _places(text: str) -> list[tuple[str, str]]:
    with packs.using("yemen"):
        return [(m.location.name, m.relation) for m in find_places(text)]


def test_a_landmark_after_a_district_only_says_where_the_district_lies():
    # "X district of G, some N km east of the capital": the event is in the district, the capital a signpost.
    found = _places("An air strike hit a farm in Sirwah district of Marib, some 120 km east of the capital Sanaa, "
                    "on Tuesday.")
    assert ("Sirwah", "in") in found
    assert all(name != "Sana'a" for name, _ in found)
    found = _places("Tribesmen clashed with Houthi fighters in Arhab district, north of Sanaa, on Monday.")
    assert [name for name, _ in found] == ["Arhab"]
    # No district or governorate before it: "north of Sanaa" is where the event is, near the city.
    assert _places("Houthi fighters shelled a village north of Sanaa on Monday.") == [("Sana'a", "near")]


def test_a_landmark_a_near_distance_off_inside_the_district_places_the_event():
    # "in X district, N km north of Y" with Y in or by the district: the text places the event by Y.
    found = _places("Government troops and Houthi fighters fought in Sirwah district, 5 km west of Al Waqatayn, "
                    "on Thursday.")
    assert ("Al Waqatayn", "near") in found
    found = _places("Government troops and Houthi fighters fought in Harad district, 6 km south of Mahfuzah, "
                    "on Thursday.")
    assert ("Mahfuzah", "near") in found


def test_a_governorate_named_as_a_province_stays_when_a_village_of_its_name_lies_far_off():
    # A village spelled like the governorate lies far from the district the text names; the text calls the name a
    # province, so the governorate is meant and is not dropped as a far namesake.
    found = _places("Army units repelled a Houthi attack in Nihm district, south of Jawf province, on Thursday.")
    assert ("Al Jawf", "province") in found
    found = _places("Army units repelled a Houthi attack in Al Hazm district, north of Marib province, on Thursday.")
    assert ("Marib", "province") in found


def test_a_governorate_named_before_a_district_is_the_governorate_not_a_village_of_the_district():
    # "In G, ... D district": the governorate's own name, spelled as it is, sets the scene; it is no village of a
    # similar name inside the district the text names after it.
    found = _places("In Hajjah, a drone hit a pickup truck in Abs district on Monday.")
    assert found == [("Hajjah", "in"), ("Abs", "in")]
    found = _places("In Bayda, a drone hit a pickup truck in Ash Sharyah district on Monday.")
    assert found == [("Al Bayda", "in"), ("Ash Sharyah", "in")]


def test_a_district_spelled_with_a_vowel_its_source_leaves_out_is_the_one_with_its_consonants():
    # "Salfiyah" is as close to a village As Salfah as to the district As Salafiyah by letters, "Kamran" to a village
    # of its own spelling as to Kamaran; the text calls each a district, and one district has its consonants.
    assert _places("Gunmen ambushed a patrol in Salfiyah district on Sunday.") == [("As Salafiyah", "in")]
    assert _places("Gunmen ambushed a patrol in Kamran district on Sunday.") == [("Kamaran", "in")]


def test_names_before_districts_in_the_plural_are_districts():
    # "the A and B districts": the plural noun calls the name before it a district, as the singular does; a village
    # spelled like that name is not meant.
    found = _places("Saudi guns pounded the Razeh and Ghamer districts through the night.")
    assert ("Ghamr", "in") in found
    found = _places("Fighting spread to the Nihm and Muwaza directorates on Sunday.")
    assert ("Mawza", "in") in found
