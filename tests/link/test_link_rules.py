"""The linking rules: places that contain each other, days apart, evidence of sameness, and why a report joined.

Reports are written here by hand; places are real Syrian towns with their coordinates (GeoNames).
"""
from __future__ import annotations

from warwire.link import ArticleMeta, link_reports
from warwire.link.estimates import fatalities
from warwire.link.rules import link_evidence, opening_words, place_relation
from warwire.model import Actor, Article, Claim, Count, Location, Report, Victims
from warwire.store import open_store
from warwire.verify.contradictions import find_contradictions, link_and_check

KHAN_SHEIKHOUN = dict(name="Khan Shaykhun", country="Syria", admin1="Idlib", lat=35.4417, lon=36.6506, geo_precision=1)
# about 5 km from Khan Shaykhun: another town
TAMANAAH = dict(name="Al-Tamanah", country="Syria", admin1="Idlib", lat=35.4697, lon=36.7011, geo_precision=1)
MAARRAT = dict(name="Maarrat al-Numan", country="Syria", admin1="Idlib", lat=35.6481, lon=36.6717, geo_precision=1)
# the governorate's name, as outlets write it for anywhere in it
IDLIB = dict(name="Idlib", country="Syria", admin1="Idlib", lat=35.9306, lon=36.6339, geo_precision=1)
IDLIB_PROVINCE = dict(name="Idlib", country="Syria", admin1="Idlib", geo_precision=3)
HAMA_PROVINCE = dict(name="Hama", country="Syria", admin1="Hama", geo_precision=3)
SYRIA = dict(name="Military Forces of Syria", kind="State forces", country="Syria")
CIVILIANS = dict(name="Civilians (Syria)", kind="Civilians", country="Syria")


def rep(article, index=0, *, place=KHAN_SHEIKHOUN, day="2017-04-04", sub="Air/drone strike",
        etype="Explosions/Remote violence", dead=None, actor1=SYRIA, actor2=None, primary=True, claimed_by=None):
    return Report(event_type=etype, sub_event_type=sub, date=day, date_precision=1, location=Location(**place),
                  actor1=Actor(**actor1) if actor1 else None, actor2=Actor(**actor2) if actor2 else None,
                  fatalities=Count(best=dead, low=dead, qualifier="exact" if dead is not None else None),
                  claimed_by=Claim(**claimed_by) if claimed_by else None, primary=primary,
                  article_id=article, index=index)


META = {f"a{i}": ArticleMeta(outlet=f"Outlet {i}", published="2017-04-05") for i in range(1, 9)}


def groups(reports, articles=META):
    return sorted(sorted(e.reports) for e in link_reports(reports, articles).events)


def test_place_relations_by_precision():
    L = Location
    assert place_relation(L(**KHAN_SHEIKHOUN), L(**dict(KHAN_SHEIKHOUN, name="Khan Sheikhoun"))) == "same"
    assert place_relation(L(**KHAN_SHEIKHOUN), L(**TAMANAAH)) is None  # two towns 5 km apart
    assert place_relation(L(**KHAN_SHEIKHOUN), L(**IDLIB_PROVINCE)) == "within"
    assert place_relation(L(**KHAN_SHEIKHOUN), L(**IDLIB)) == "within"  # named as its governorate is
    assert place_relation(L(**KHAN_SHEIKHOUN), L(**HAMA_PROVINCE)) is None
    near = L(**dict(TAMANAAH, geo_precision=2))  # "near Al-Tamanah": an area
    assert place_relation(L(**KHAN_SHEIKHOUN), near) == "within"


def test_a_province_level_report_joins_one_town_never_two():
    town_a = rep("a1", dead=12)
    town_b = rep("a2", place=TAMANAAH, dead=12)
    province = rep("a3", place=IDLIB_PROVINCE, dead=12)
    found = groups([town_a, town_b, province])
    assert len(found) == 2
    assert sorted(len(g) for g in found) == [1, 2]


def test_a_gas_attack_told_by_town_and_by_province_links_across_outlets():
    a = rep("a1", sub="Chemical weapon", dead=58)
    b = rep("a2", place=IDLIB, sub="Chemical weapon", dead=72)
    assert groups([a, b]) == [["a1:0", "a2:0"]]
    ev = link_evidence(a, b, META)
    assert ev.place == "within" and "weapon" in ev.points


def test_one_article_telling_its_attack_by_province_and_by_town_is_one_event():
    a = rep("a1", 0, place=IDLIB, sub="Chemical weapon", dead=58)
    b = rep("a1", 1, sub="Chemical weapon", primary=False)
    c = rep("a1", 2, place=MAARRAT, sub="Air/drone strike", primary=False)  # another strike that day
    assert groups([a, b, c]) == [["a1:0", "a1:1"], ["a1:2"]]


def test_a_day_or_two_apart_links_with_evidence_and_distinct_details_split():
    monday = rep("a1", dead=20, actor2=CIVILIANS)
    wednesday_same = rep("a2", day="2017-04-06", dead=19, actor2=CIVILIANS)
    assert groups([monday, wednesday_same]) == [["a1:0", "a2:0"]]
    wednesday_other = rep("a2", day="2017-04-06", dead=3, actor2=CIVILIANS)  # far smaller toll: another raid
    assert len(groups([monday, wednesday_other])) == 2
    shelling = rep("a2", day="2017-04-05", dead=20, actor2=CIVILIANS, sub="Shelling/artillery/missile attack")
    assert len(groups([monday, shelling])) == 2  # another weapon on another day
    three_days = rep("a2", day="2017-04-07", dead=20, actor2=CIVILIANS)
    assert len(groups([monday, three_days])) == 2


def test_a_bomb_told_as_a_suicide_bomb_a_day_later_links_only_on_an_agreeing_toll():
    bomb = dict(etype="Explosions/Remote violence", actor1=None, actor2=CIVILIANS)
    market = {"a1": ArticleMeta("Outlet 1", "2017-04-05", None, opening_words("Car bomb kills seven at market", "")),
              "a2": ArticleMeta("Outlet 2", "2017-04-06", None,
                                opening_words(None, "A suicide bomber blew himself up in the market yesterday."))}
    car_bomb = rep("a1", sub="Remote explosive/landmine/IED", dead=7, **bomb)  # "a car bomb killed seven"
    suicide = rep("a2", day="2017-04-05", sub="Suicide bomb", dead=7, **bomb)  # "a suicide bomber killed seven"
    assert groups([car_bomb, suicide], market) == [["a1:0", "a2:0"]]
    other = rep("a2", day="2017-04-05", sub="Suicide bomb", dead=30, **bomb)
    assert len(groups([car_bomb, other], market)) == 2  # another day, another toll: another bombing
    shelled = rep("a2", day="2017-04-05", sub="Shelling/artillery/missile attack", dead=7, **bomb)
    assert len(groups([car_bomb, shelled], market)) == 2  # not kindred weapons


def test_distinctive_words_are_evidence_of_one_happening():
    near = dict(TAMANAAH, geo_precision=2)
    words = {"a1": ArticleMeta("Outlet 1", "2017-04-05", None, opening_words("Strike hits wedding party", "")),
             "a2": ArticleMeta("Outlet 2", "2017-04-05", None,
                               opening_words(None, "Warplanes struck a wedding near the town on Tuesday."))}
    plain = {k: ArticleMeta(m.outlet, m.published) for k, m in words.items()}
    a, b = rep("a1", place=near, actor1=None), rep("a2", actor1=None)
    assert words["a1"].words == {"wedding"}
    assert groups([a, b], words) == [["a1:0", "a2:0"]]
    assert len(groups([a, b], plain)) == 2  # same day, one place within the other, nothing else shared


def test_types_that_may_be_one_happening_link_only_on_an_agreeing_toll():
    strike = rep("a1", dead=6)
    battle = rep("a2", etype="Battles", sub="Armed clash", dead=None)
    assert len(groups([strike, battle])) == 2
    assert groups([strike, rep("a2", etype="Battles", sub="Armed clash", dead=6)]) == [["a1:0", "a2:0"]]


def test_every_report_of_an_event_says_why_it_joined():
    events = link_reports([rep("a1", dead=9, actor2=CIVILIANS), rep("a2", dead=9, actor2=CIVILIANS),
                           rep("a3", place=IDLIB_PROVINCE, dead=9)], META).events
    assert len(events) == 1
    reasons = events[0].link_reasons
    assert set(reasons) == {"a1:0", "a2:0", "a3:0"}
    assert "same place, same day" in reasons["a1:0"] and "toll" in reasons["a1:0"]
    assert "place within the other" in reasons["a3:0"]
    assert events[0].to_dict()["link_reasons"] == reasons


def test_a_part_of_a_toll_in_one_article_is_not_a_second_claim_nor_a_contradiction():
    monitor = dict(name="Syrian Observatory for Human Rights", kind="monitor")
    whole = rep("a1", 0, dead=14, actor1=dict(name="Operation Inherent Resolve", kind="External/Other forces"),
                actor2=CIVILIANS, claimed_by=monitor)
    whole.victims = Victims(civilians=9)
    part = rep("a1", 1, dead=5, actor1=dict(name="Islamic State (Syria)", kind="Rebel group", country="Syria"),
               primary=False, claimed_by=monitor)
    events = link_reports([whole, part], META).events
    assert len(events) == 1
    assert fatalities([whole, part], META) == {"low": 14, "best": 14, "high": 14}
    assert find_contradictions(events[0], [whole, part], META) == []
    # the same disagreement between two outlets is one
    other = rep("a2", 0, dead=14, actor1=dict(name="Islamic State (Syria)", kind="Rebel group", country="Syria"),
                claimed_by=dict(name="SANA", kind="state media"))
    (both,) = link_reports([whole, other], META).events
    assert "actor1" in [c.field for c in find_contradictions(both, [whole, other], META)]


def test_a_verdict_survives_a_full_relink(store_url):
    store = open_store(store_url)
    texts = ["Government warplanes struck Khan Shaykhun on Tuesday, killing 20 civilians, a monitor said.",
             "Twenty civilians died in an air raid on Khan Shaykhun on Tuesday, rescuers said."]
    arts = [Article(text=t, outlet=f"Outlet {i}", published="2017-04-05") for i, t in enumerate(texts)]
    store.add_articles(arts)
    store.save_extractions([(a.id, [rep(a.id, dead=20, actor2=CIVILIANS)], None) for a in arts])
    link_and_check(store)
    (event,) = list(store.iter_events())
    event.verdict = {"verdict": "supported", "reference": "checked by hand"}
    store.save_events([event], replace_ids=[event.id])
    summary = link_and_check(store, full=True)
    assert summary.events == 1
    (again,) = list(store.iter_events())
    assert again.reports == event.reports
    assert again.verdict["verdict"] == "supported" and again.verdict["reference"] == "checked by hand"
    # a third article joins: the grown event keeps the verdict
    third = Article(text="An air strike killed 20 civilians in Khan Shaykhun, the civil defence said.",
                    outlet="Outlet 9", published="2017-04-05")
    store.add_articles([third])
    store.save_extractions([(third.id, [rep(third.id, dead=20, actor2=CIVILIANS)], None)])
    link_and_check(store)
    (grown,) = list(store.iter_events())
    assert len(grown.reports) == 3 and grown.verdict["verdict"] == "supported"


def test_a_source_list_is_split_into_outlets_and_claimants():
    from warwire.knowledge.sources import split_sources

    assert split_sources("Monitor One; Wire Two; Step News Agency") == (
        ["Monitor One", "Wire Two", "Step News Agency"], [])
    assert split_sources("NEWSDESK and activists") == (["Newsdesk"], ["activists"])
    assert split_sources("NHR; NHR_https://example.org/?p=1") == (["NHR"], [])
    metas = {"a1": ArticleMeta("REUTERS; local sources", "2017-04-05"), "a2": ArticleMeta("reuters", "2017-04-05"),
             "a3": ArticleMeta("Wire Two", "2017-04-05")}
    (event,) = link_reports([rep("a1", dead=4), rep("a2", dead=4), rep("a3", dead=4)], metas).events
    assert event.outlets == ["Reuters", "Wire Two"] and event.n_sources == 2


def test_the_same_sides_fighting_on_two_days_are_two_days_of_fighting_unless_a_detail_agrees():
    rebels = dict(name="Hayat Tahrir al-Sham", kind="Rebel group", country="Syria")
    clash = dict(etype="Battles", sub="Armed clash", actor2=rebels)
    monday, tuesday = rep("a1", **clash), rep("a2", day="2017-04-05", **clash)
    assert len(groups([monday, tuesday])) == 2
    assert groups([rep("a1", dead=11, **clash), rep("a2", day="2017-04-05", dead=12, **clash)]) == [["a1:0", "a2:0"]]


# Damascus is a governorate of its own; its suburbs lie in Rural Damascus (GeoNames coordinates)
DAMASCUS = dict(name="Damascus", country="Syria", admin1="Damascus", lat=33.5102, lon=36.2913, geo_precision=1)
JARAMANA = dict(name="Jaramana", country="Syria", admin1="Rural Damascus", lat=33.4862, lon=36.3462, geo_precision=1)
DOUMA = dict(name="Douma", country="Syria", admin1="Rural Damascus", lat=33.5722, lon=36.4028, geo_precision=1)
SAYDNAYA = dict(name="Saydnaya", country="Syria", admin1="Rural Damascus", lat=33.6958, lon=36.3772, geo_precision=1)


def test_a_chemical_attack_on_two_nearby_towns_is_one_attack_an_air_raid_two_events():
    # "gas rockets hit Khan Shaykhun and al-Tamanah at dawn" in one outlet, each town in another
    gas = [rep("a1", sub="Chemical weapon", dead=70), rep("a2", place=TAMANAAH, sub="Chemical weapon")]
    assert groups(gas) == [["a1:0", "a2:0"]]
    raids = [rep("a1", dead=7), rep("a2", place=TAMANAAH, dead=7)]
    assert len(groups(raids)) == 2  # air strikes on two towns are two events, as a coder codes them
    next_day = [rep("a1", sub="Chemical weapon"), rep("a2", place=TAMANAAH, sub="Chemical weapon", day="2017-04-05")]
    assert len(groups(next_day)) == 2


def test_damascus_contains_its_suburbs_across_the_governorate_line_on_a_weapon_not_a_toll():
    # "a car bomb in the Damascus suburb of Jaramana" told as "in Damascus" by another outlet
    bomb = [rep("a1", place=DAMASCUS, sub="Remote explosive/landmine/IED", dead=18, actor1=None),
            rep("a2", place=JARAMANA, sub="Remote explosive/landmine/IED", dead=18, actor1=None)]
    assert groups(bomb) == [["a1:0", "a2:0"]]
    # shells on the city and shells on a suburb with the same toll are two events
    shells = [rep("a1", place=DAMASCUS, sub="Shelling/artillery/missile attack", dead=5),
              rep("a2", place=DOUMA, sub="Shelling/artillery/missile attack", dead=5)]
    assert len(groups(shells)) == 2
    # a town of the next governorate beyond the city's reach stays apart, whatever the weapon
    far = [rep("a1", place=DAMASCUS, sub="Remote explosive/landmine/IED", dead=18, actor1=None),
           rep("a2", place=SAYDNAYA, sub="Remote explosive/landmine/IED", dead=18, actor1=None)]
    assert len(groups(far)) == 2


def test_a_late_story_joins_the_event_it_links_to_most_not_the_first_companion_it_met():
    # three outlets tell a strike (12 dead) on the day; the next day one outlet retells it (12 dead) and another
    # tells a new strike on the town (40 dead): the retelling belongs with the three, not with the new strike
    day0 = [rep(f"a{i}", dead=12, actor2=CIVILIANS) for i in (1, 2, 3)]
    retold = rep("a4", day="2017-04-05", dead=12, actor2=CIVILIANS)
    new_strike = rep("a5", day="2017-04-05", dead=40, actor2=CIVILIANS)
    assert groups(day0 + [retold, new_strike]) == [["a1:0", "a2:0", "a3:0", "a4:0"], ["a5:0"]]


# --- A region-level report and a town's report: linked only on a detail of one happening ---
ALEPPO_CITY = dict(name="Aleppo", country="Syria", admin1="Aleppo", lat=36.2021, lon=37.1343, geo_precision=1)
# "a town in northern Aleppo" resolved to the governorate: the same name, placed only at the province
ALEPPO_PROVINCE = dict(name="Aleppo", country="Syria", admin1="Aleppo", geo_precision=3)
ANADAN = dict(name="Anadan", country="Syria", admin1="Aleppo", lat=36.2936, lon=37.0444, geo_precision=1)
HOMS_PROVINCE = dict(name="Homs", country="Syria", admin1="Homs", geo_precision=3)
REBELS = dict(name="Opposition Rebels (Syria)", kind="Rebel group", country="Syria")


def test_one_name_at_province_and_at_city_is_a_region_and_a_place_in_it():
    assert place_relation(Location(**ALEPPO_PROVINCE), Location(**ALEPPO_CITY)) == "within"
    assert place_relation(Location(**ANADAN), Location(**dict(ANADAN, geo_precision=2))) == "same"
    assert place_relation(Location(**ALEPPO_PROVINCE), Location(**ALEPPO_PROVINCE)) == "same"


def test_a_province_report_does_not_join_a_city_on_its_type_and_sides_alone():
    # two outlets: shelling by the army somewhere in the province, and shelling by the army on the city that day
    province = rep("a1", place=ALEPPO_PROVINCE, sub="Shelling/artillery/missile attack", actor2=REBELS)
    city = rep("a2", place=ALEPPO_CITY, sub="Shelling/artillery/missile attack", actor2=REBELS)
    town = rep("a3", place=ANADAN, sub="Shelling/artillery/missile attack", actor2=REBELS)
    assert link_evidence(province, city, META) is None
    assert link_evidence(province, town, META) is None
    assert groups([province, city, town]) == [["a1:0"], ["a2:0"], ["a3:0"]]


def test_a_province_report_joins_a_town_on_a_detail_of_the_happening():
    province = rep("a1", place=ALEPPO_PROVINCE, sub="Suicide bomb", dead=9)
    town = rep("a2", place=ANADAN, sub="Suicide bomb", dead=9)
    ev = link_evidence(province, town, META)
    assert ev is not None and ev.place == "within" and "weapon" in ev.points
    assert groups([province, town]) == [["a1:0", "a2:0"]]


def test_two_reports_placed_only_at_one_province_need_more_than_their_type():
    # clashes somewhere in the province, told by two outlets with nothing else in common
    a = rep("a1", place=HOMS_PROVINCE, sub="Armed clash", etype="Battles", actor1=REBELS, actor2=SYRIA)
    b = rep("a2", place=HOMS_PROVINCE, sub="Armed clash", etype="Battles", actor1=None, dead=40)
    assert link_evidence(a, b, META) is None
    # the same sides and toll say it is one happening
    c = rep("a3", place=HOMS_PROVINCE, sub="Armed clash", etype="Battles", actor1=REBELS, actor2=SYRIA, dead=40)
    d = rep("a4", place=HOMS_PROVINCE, sub="Armed clash", etype="Battles", actor1=REBELS, actor2=SYRIA, dead=40)
    assert link_evidence(c, d, META) is not None


# a district of Idlib as outlets name it: an area, no town
JISR_DISTRICT = dict(name="Jisr al-Shughur district", country="Syria", admin1="Idlib", lat=35.8, lon=36.32,
                     geo_precision=2)


def test_two_reports_placed_only_at_one_area_are_somewhere_in_it():
    # two outlets' air strikes "in the district", one day, nothing more in common: two of its towns' strikes may be
    # the district's routine, so the sub-type alone is not enough, as it is at one town
    a, b = rep("a1", place=JISR_DISTRICT), rep("a2", place=JISR_DISTRICT)
    assert place_relation(a.location, b.location) == "same"
    assert link_evidence(a, b, META) is None
    assert link_evidence(rep("a1"), rep("a2"), META) is not None  # one town: the sub-type is enough
    # with a toll that agrees (a detail of the happening) the two are one
    a, b = rep("a1", place=JISR_DISTRICT, dead=12), rep("a2", place=JISR_DISTRICT, dead=11)
    ev = link_evidence(a, b, META)
    assert ev is not None and "toll" in ev.points
