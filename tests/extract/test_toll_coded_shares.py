"""Coders' notes that give a list of places one figure each, or share a toll between places they name, and a toll
told as the number of a kind of dead that rose."""
from warwire.extract.casualties import allocated_share, coded_share, combine, find_tolls


def test_a_list_of_places_given_one_figure_each():
    note = ("Fighting went on around four hamlets, with Tal Hamra and Kafr Dael allocated 3 each and Bab Salam, and "
            "Ain Jara allocated 2 each.")
    assert [allocated_share(note, [p]) for p in ("Tal Hamra", "Kafr Dael", "Bab Salam", "Ain Jara")] == [3, 3, 2, 2]
    note = "Shells fell on three farms; 7 dead in all, Tal Hamra given 3 while Kafr Dael and Sheikh al-Hadid each allocated 2."
    assert [allocated_share(note, [p]) for p in ("Kafr Dael", "Sheikh al-Hadid")] == [2, 2]


def test_a_toll_shared_between_places_the_note_names():
    note = "Troops fought rebels near Tal Hamra and Kafr Dael; the 14 fatalities were divided evenly between Tal Hamra " \
           "and Kafr Dael."
    assert coded_share(note, 14) == 7
    note = "Jets struck three towns, an unknown toll set at 10 fatalities and split between Kafr Dael, Bab Salam and Ain Jara."
    assert coded_share(note, 10) == 3
    # A note whose "split between" tells who holds ground shares no toll.
    assert coded_share("The hill is now split between Tal Hamra and Kafr Dael fighters; 4 fatalities.", 4) == 4


def test_the_number_of_a_kind_of_dead_that_rose_is_the_toll():
    for sentence, dead in [("The number of tribal fighters who were shot dead at the market last week rose to 6.", 6),
                           ("The number of rebel officers who were assassinated on the highway has risen to 4.", 4)]:
        assert combine(find_tolls(sentence)).fatalities.best == dead
