"""A figure that counts the weapons or aircraft that struck, its side named between, is no toll."""
from warwire.extract.casualties import combine, find_tolls


def test_a_count_of_strikes_or_aircraft_with_a_side_between_is_no_toll():
    for sentence, dead in [("Two Russian airstrikes killed five civilians in the town.", 5),
                           ("Three coalition airstrikes hit a farm, killing two shepherds.", 2),
                           ("Two Turkish warplanes killed seven fighters near the border.", 7),
                           ("Four army drones killed three people on the road.", 3)]:
        assert combine(find_tolls(sentence)).fatalities.best == dead, sentence
