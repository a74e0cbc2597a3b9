"""Actors of an event: dictionary mentions (actors.yaml) and who did what to whom.

Roles come from word order and a few function words, which covers news
style: the acting side comes before the trigger ("regime forces shelled X",
"Russian air strikes on X") or after "by" ("X was hit by Russian jets",
"air strikes by the coalition"); the side acted on follows the trigger
("... on rebel positions", "clashed with IS"). Civilians are never actor1;
when civilians are among the victims they are actor2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warwire.knowledge import packs
from warwire.knowledge.actors import ActorDictionary
from warwire.model import Actor

# A country or capital after these words is a place, not an actor.
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|from|to|into|inside|across|outside|towards?|of|with|at)\s+)$",
                           re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# "troops foiled an attempt by militants to plant a bomb", "police thwarted a plot by the cell to blow up a bridge":
# who tried the act, not who did the event word told with it (the one who foiled it, the sentence's subject).
_TRIED_BY = re.compile(r"\b(?:attempts?|bids?|plots?|plans?)\s+by\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "repelled an offensive by X", "foiled an infiltration attempt by X": the side that tried an attack, which the
# sentence's subject fought off (not "troops said an attack by X hit the town": X acted, the troops only tell it).
_ATTACK_BY = re.compile(r"\b(?:repel\w*|repuls\w*|foil\w*|thwart\w*|fought\s+off|fend\w*\s+off|beat\w*\s+back|"
                        # ("stopped an attempted offensive by X", "defeated an assault by X")
                        r"push\w*\s+back|halt\w*|stopp?\w*|defeat\w*|abort\w*)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?:attacks?|offensives?|assaults?|advances?|attempts?|incursions?|infiltrations?|raids?)"
                        r"(?:\s+(?:launched|mounted|staged|carried\s+out|attempted|made|waged))?\s+by\s+(?:the\s+)?"
                        r"(?:[\w-]+\s+)?$",
                        re.IGNORECASE)
# "a town held by IS": who holds the place, not who acted.
# ("a depot operated by the militia", "a radar site manned by the Houthis": who owns a thing that was hit.)
_HELD_BY = re.compile(r"\b(?:held|controlled|run|besieged|surrounded|dominated|occupied|ruled|encircled|used|managed|"
                      r"operated|owned|manned)\s+by\s+"
                      r"(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_BACKING = re.compile(r"(?:\b(?:backed|supported|assisted|aided|covered|accompanied|joined|helped)\s+by"
                      r"(?:\s+its|\s+their)?"
                      r"(?:\s+(?:loyal|allied|affiliated|local))?|"
                      r"\bwith\s+(?:the\s+)?(?:support|help|backing|cover)\s+of|\balong\s*side|\band\s+allied|"
                      # the members of a side named before: "an alliance, made up of two militias and a tribal force,"
                      r"\b(?:comprised|composed|consisting|made\s+up)\s+of)"
                      # (a word that names no side of its own listed first: "backed by Iraqi and Iranian militias")
                      r"\s+(?:the\s+|an?\s+)?(?:(?-i:[A-Z])[\w-]*\s+and\s+)?"
                      r"(?:(?:volunteer|allied|loyal|loyalist|local|affiliated|friendly|"
                      r"pro-\w+|non-\w+|Iranian|Russian|Shiite|Shia)\s+)?$", re.IGNORECASE)
# The event word inside a phrase after the verb ("... killed 100 militants in a series of air strikes"):
# the sentence's subject acted.
_IN_PHRASE = re.compile(r"\b(?:in|during|through|amid)\s+(?:a|an|the)?\s*(?:(?:series|wave|number|spate|string)\s+of\s+)?"
                        r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+){0,2}?\w+(?:ed|en|wn|ck|t)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:,|and|or|and/or|as well as|,\s*and|and allied|and its allies,?)?\s*(?:the\s+|its\s+|their\s+)?",
                          re.IGNORECASE)
# "X fighters", "X militants": the group's members are the group.
_MEMBERS = re.compile(r"(?:\s+(?:militants|fighters|forces|troops|members|jihadists|gunmen|elements|units|terrorists|"
                      r"soldiers|militiamen|militias?|rebels|factions?|brigades?|group|personnel|cells?|"
                      r"extremists|positions))+\b", re.IGNORECASE)
# Between a generic word and the group it belongs to ("militants of the so-called"), and between a group
# and a generic word for it ("ISIL) terrorist organization", "Nusra Front's terrorists").
_UNNAMED = "Unidentified Armed Group"
_OF_NAMED = re.compile(r"\s+(?:of|from|belonging to|affiliated (?:with|to))\s+(?:the\s+)?(?:so-called\s+)?",
                       re.IGNORECASE)
# A word for a side's people or units that ends a mention ("rebel factions", "opposition forces"): told with "of" and a
# group's name, the mention is that group.
_GROUP_NOUN = re.compile(r"\b(?:factions?|groups?|forces|fighters|militants|brigades|battalions|rebels)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\s*[(\[]\s*")
_CLOSES = re.compile(r"\s*[)\]]")
_NAMED_THEN = re.compile(r"(?:\s*\([^()]{0,40}\))?\)?(?:'s)?\s*", re.IGNORECASE)
# "the rebel group Ahrar al-Sham", "the jihadist group Islamic State": a word for a kind of group right before the
# group's name is that group.
_KIND_OF_GROUP = re.compile(r"(?:group|faction|movement|organi[sz]ation|alliance|militia|brigade|coalition)$",
                            re.IGNORECASE)
_AS_SUBJECT = re.compile(r"\b(?:as|when|after)\s+(?:the\s+)?$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:attacked|stormed|shelled|bombed|raided|struck|hit|opened fire|fired|"
                         r"targeted|pounded|launched|shot|ambushed|advanced|assaulted|pushed|entered|swept|seized|took)\b", re.IGNORECASE)
# "in the IS town of X", "rebel-held areas", "ISIS positions": a side naming a place or target it holds, never the
# side that acted on it.
# (A verb between a side and a facility makes the side the one that struck it: "the navy shelled fuel depots".)
_HOLDS_PLACE = re.compile(r"-(?:held|controlled|besieged)\b|\s+(?:towns?|city|cities|villages?|strongholds?|"
                          r"bastions?|areas?|districts?|neighbou?rhoods?|territory|territories|capital|enclaves?|"
                          r"pockets?|(?:(?!(?:\w+ed|hit|hits|struck|strikes|shot|blew|took|overran|destroys|targets|"
                          r"shells|bombs|attacks|raids|storms|pounds|seizes|captures)\s)[\w-]+\s+){0,2}?(?:stations?|depots?|refiner(?:y|ies)|facilit(?:y|ies)|hideouts?|"
                          r"(?:command\s+)?(?:centers?|centres?|posts?|headquarters)))\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?$", re.IGNORECASE)
# What may stand between the first side of "between A and its allies against B" and B: the allies list itself
# (sides, "and", commas, "allied", words for armed men). A verb, a relative pronoun or a new clause between them
# ("..., which also fights against B", "..., a day after A launched an offensive against B") tells of another
# fight, whose foe is not this one's.
_ALLIES_LIST = re.compile(r"(?:\s+|,|\b(?:and|allied|its|their|the|loyalist|pro-[\w-]+|forces|militias?|militiamen|"
                          r"fighters|troops|groups?|allies)\b)*against\s+(?:the\s+)?", re.IGNORECASE)
# Words a target follows ("on", "against", "targeting"): an actor after them is acted on.
_TARGET_BEFORE = re.compile(r"(?:\b(?:on|against|at|targeting|targeted|hitting|hit|struck|with|positions of|"
                            r"attacked|stormed|raided|ambushed|overran|overrun|assaulted|shelled|bombed|kill(?:ed|ing|s)?|"
                            # (verbs that are no nouns: "shelling X" is as often "shelling and X's airstrikes")
                            r"encircl(?:e|ed|ing)|besieg(?:e|ed|ing)|surround(?:ed|ing)|repel(?:led|ling)?|"
                            r"expel(?:led|ling)?|captur(?:ed|ing)|execut(?:ed|ing)|abduct(?:ed|ing)|kidnapp?(?:ed|ing)|"
                            r"pound(?:ed|ing)|fought|\d[\d,]*|dozens of|scores of|hundreds of|"
                            # (the participle of "fought": "a group fighting Assad's forces")
                            r"fighting|battling|"
                            r"(?:checkpoints?|positions?|bases?|headquarters|posts?|convoys?|gatherings?|vehicles?|"
                            r"cars?|members?|leaders?|leadership|commanders?) of|"
                            r"tens of)\s+(?:the\s+)?(?:(?!(?:by|and|or)\s)\w+\s+)?)$", re.IGNORECASE)


# "30 terrorists killed", "dozens of IS fighters killed": a side counted among the dead, never the one that acted
# (a date's digits are no count: "18-12-2014 ISIL kills").
_COUNTED = re.compile(r"(?:(?<![\w.,/-])\d{1,3}(?:,\d{3})*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"twelve|twenty|thirty|forty|fifty|dozens|scores|hundreds|tens|thousands)(?:\s+of)?)\s+"
                      r"(?:other\s+|more\s+)?$", re.IGNORECASE)


# "fighters of X", "members belonging to the X": the words that name a side's people before the side's name.
def _members_of(more: str = "") -> str:
    return (r"(?:(?:[\w-]+\s+)?(?:fighters|members|militants|troops|soldiers|gunmen|jihadists|rebels|militiamen|"
            rf"personnel|elements|{more}commanders?|leaders?|officers?)\s+(?:from|of|belonging\s+to)\s+"
            r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?)")


# "killing nine gunmen of X", "dozens of members of X were killed": the side the dead belonged to.
_DEAD_OF = re.compile(rf"(?:\b(?:kill(?:ed|ing|s)?|lost|losing|dead|deaths?\s+of|bodies\s+of)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|"
                      # (a count the source's words give, quoted: 'killed "several" fighters of X')
                      r"some\s+|nearly\s+|around\s+)?[\"“]?(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"[a-z]+teen|twenty|thirty|forty|fifty|dozens|scores|hundreds|tens|several|many|a\s+number|"
                      # ("killed an unknown number of X fighters": a count the source does not give)
                      r"an?\s+(?:unknown|unspecified|undetermined|unidentified|undisclosed|large|small)\s+number)"
                      r"[\"”]?(?:\s+of)?"
                      rf"\s+(?:other\s+|more\s+)?{_members_of('terrorists|')}?)[\"“]?$", re.IGNORECASE)
# "the victims were members of X", "among the dead were X officers": the side the dead belonged to.
_DEAD_ARE = re.compile(r"\b(?:casualties|the\s+dead|victims|those\s+killed|fatalities|among\s+the\s+(?:dead|victims|"
                       r"killed|casualties))\s+(?:included|include|includes|were|was|are)\s+(?:also\s+)?"
                       r"(?:(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some)\s+)?"
                       rf"{_members_of()}?(?:the\s+)?$", re.IGNORECASE)
# "X fighters were killed", "X and Y lost 30 fighters": the side told as the subject of its own dead.
_WERE_KILLED = re.compile(r"[\"”]?(?:\s+(?:militants?|fighters?|forces|troops|members?|jihadists?|gunm[ae]n|rebels?|"
                          # ("a rebel fighter was killed": one of the side's men)
                          r"soldiers?|militiam[ae]n|personnel|commanders?|leaders?|officers?|organi[sz]ations|groups|"
                          r"factions))?(?:\s*,[^,.;]{1,60},)?"
                          r"\s+(?:were|was|have\s+been|"
                          r"had\s+been|has\s+been)\s+(?:also\s+|all\s+|\w+ly\s+)?(?:killed|slain|executed|"
                          # ("a soldier was shot dead", "two fighters were gunned down")
                          r"wounded|injured|shot\s+dead|shot\s+and\s+killed|gunned\s+down|assassinated)\b"
                          # "two Nusra fighters were among the victims", "an FSA officer was also among the dead"
                          r"|(?:\s+(?:militants|fighters|troops|members|jihadists|gunmen|rebels|soldiers|militiamen|"
                          r"personnel|commanders?|leaders?|officers?))?\s+(?:were|was)\s+(?:also\s+)?among\s+"
                          r"(?:the\s+|those\s+)?(?:dead|killed|victims|casualties|fatalities)\b"
                          # a headline's "X leader killed in ...", "X fighters killed as ..." (not "X fighters killed 20")
                          r"|\s+(?:militants|fighters|troops|members|jihadists|gunmen|rebels|soldiers|militiamen|"
                          r"personnel|commanders?|leaders?|chief|emir|officers?)\s+(?:killed|slain|dead)(?=\s+(?:in|by|as|"
                          r"near|at|on|after|during|when|while|amid)\b|\s*[.,;:]|\s*$)"
                          # "X gunmen later died", "three more X fighters died"
                          r"|(?:\s+(?:militants|fighters|troops|members|jihadists|gunmen|rebels|soldiers|militiamen|"
                          r"personnel))?\s+(?:also\s+|later\s+)?died\b", re.IGNORECASE)
# "X's positions were shelled", "an X helicopter was shot down", "X fighters came under fire": a side told as the
# subject of a passive attack verb, itself or one of its things (posts, convoys, aircraft), was acted on (ACLED's
# actor1 is the side that acted, named after "by" or "from", else unknown).
_STRUCK_THING = (r"(?:positions?|bases?|air\s?bases?|convoys?|headquarters|checkpoints?|posts?|outposts?|helicopters?|"
                 r"jets?|planes?|warplanes?|drones?|aircraft|vehicles?|tanks?|patrols?|barracks|depots?|camps?|"
                 r"gatherings?|fighters|troops|soldiers|members|forces|units|militants|leaders?|commanders?|officers?|"
                 r"officials?|sites?|offices?|airport|strongholds?|hideouts?|ships?|boats?|columns?|reinforcements)")
_STRUCK_VERB = (r"(?:shelled|bombed|bombarded|hit|struck|targeted|attacked|ambushed|raided|stormed|overrun|pounded|"
                r"shot\s+down|downed|destroyed|rocketed|mortared|besieged|encircled|surrounded|shot\s+at|fired\s+(?:up)?on|"
                r"assaulted|blown\s+up)")
# (The words between the side and its thing qualify the thing, never a verb or a clause's start: in "Rebels said
# army positions were shelled" the rebels were not hit.)
_STRUCK_GAP = r"(?!(?:said|says|say|told|tells|reported|reports|claimed|claims|accused|denied|and|or|that|who|which|while|after|when)\b)"
_STRUCK = re.compile(r"(?:['\u2019]?s)?(?:\s+(?:" + _STRUCK_GAP + r"[\w-]+\s+){0,2}?" + _STRUCK_THING + r"\b)?"
                     # (where they were: "X positions near Mayadin were shelled", "X's base, south of Y, was hit")
                     r"(?:\s+(?:in|near|at|around|outside|inside|on|east|west|north|south)\b[^,.;]{0,50}?)?"
                     r"(?:\s*,[^,.;]{1,60},)?"
                     r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|got)\s+(?:also\s+|reportedly\s+|"
                     r"\w+ly\s+)?" + _STRUCK_VERB + r"\b"
                     r"|\s+(?:came|come|comes|coming|were|was|are|is)\s+under\s+(?:\w+\s+){0,2}?(?:fire|attack|shelling|"
                     r"bombardment|assault|bombing)\b"
                     # "X lost 12 fighters": a count of its dead (a side that "suffered heavy losses" may still
                     # have attacked)
                     r"|\s+(?:(?:also|reportedly|has|have|had)\s+)?lost\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?"
                     r"(?:\d[\d,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|twenty|thirty|forty|fifty|"
                     r"dozens|scores|several|many)\s+(?:of\s+(?:its|their)\s+)?(?:[\w-]+\s+)?(?:fighters|members|soldiers|"
                     r"troops|men|militants|personnel|officers|commanders|gunmen|militiamen)\b)", re.IGNORECASE)
# Between two sides listed together: "X and Y", "X, Y", "X" and "Y".
_LISTED_WITH = re.compile(r"[\"”]?\s*(?:,|and|or|as\s+well\s+as|,\s*and)\s*(?:the\s+)?[\"“]?", re.IGNORECASE)
# "Two guards were killed in a fight with the militia": the side the dead fought (ACLED's actor1 of a toll told
# as one side's losses).
_FOUGHT_WITH = re.compile(r"\b(?:clash(?:es|ed)?|fighting|fights?|battles?|confrontations?|engagements?|ambush)\s+"
                          r"(?:with|against)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# "The opposition condemned the strike", "rebels blamed Russian jets for the attack": who speaks of an event did not
# carry it out; who is blamed or accused did.
# A side's outlets or spokesmen who tell of it are a source, not who acted ("a rebel TV channel said a market was
# hit", "army sources reported").
_SPEAKS_OF = re.compile(r"\s+(?:(?:also|has|have|had|on\s+\w+day)\s+)*(?:condemn(?:s|ed|ing)?|denounc(?:es|ed|ing)|"
                        r"accus(?:es|ed|ing)|blam(?:es|ed|ing))\b|"
                        # (An outlet told by its name: "pro-Houthi Saba news reported", "the IS-run Amaq agency said".)
                        r"\s+(?:(?-i:[A-Z])[\w'-]*\s+){0,2}?(?:websites?|media|sources?|outlets?|television|TV|radio|"
                        r"channels?|news(?:\s+agency)?|agency|"
                        # ("an army statement said": the side's own account of it)
                        r"statements?|"
                        r"officials?|spokes(?:man|men|woman|person)|organi[sz]ation|monitor|activists?)\s+(?:\w+\s+)?"
                        r"(?:said|says|say|reported|reports|told|tells|claimed|claims|added|adds|stated|announced|noted)\b(?!\s+(?:that\s+)?(?:to|they|it|its|their|we|our)\b)", re.IGNORECASE)
_BLAMED = re.compile(r"\b(?:accus(?:es|ed|ing)|blam(?:es|ed|ing))\s+(?:the\s+)?$", re.IGNORECASE)
# "a village in the heartland of the rebels", "the birthplace of the Houthi movement", "the minority to which the
# president belongs": a side named to describe people or a place, no side in the event. Only words that describe:
# "supporters of", "relatives of", "the family of" can name those who act.
_DESCRIBED_BY = re.compile(r"(?:\b(?:sect|community|clan|tribe|hometown|home town|heartland|minority|birthplace)"
                           r"\s+of\s+(?:the\s+)?(?:\w+\s+)?|\bto\s+which\s+)$", re.IGNORECASE)
# Between a side and the event word it names: nothing, or a hyphen ("regime barrel bombs", "IS-claimed").
_MODIFIES = re.compile(r"[\s-]{0,2}")
# ("Shells hit a school, but the rebels kept the town": a side named after "but" acts in another clause.)
_CLAUSE_BETWEEN = re.compile(r"\b(?:held|controlled|run|stronghold|bastion|as|while|whereas|which|who|whom|amid|but)\b|;",
                             re.IGNORECASE)
# A word that tells only a toll ("12 were killed amid clashes between X and Y"): the fight told after it is the event.
_TOLL_WORD = re.compile(r"(?:kill(?:ed|s|ing)?|died|dies|dead|deaths?|slain|wounded|injured)\b", re.IGNORECASE)
# "Air strikes killed 85 as fighting raged between X and Y", "jets killed 12 amid clashes across the province between
# X and Y": a backdrop clause after the event word, a fight told with both its own sides ("between" anywhere before
# the clause ends), which are not the event's ("troops advanced amid clashes with X" tells the event's own foe).
_OTHER_CLAUSE = re.compile(r"\b(?:as|while|whereas|amid(?:st)?)\s+(?:\w+\s+){0,3}(?:fighting|clash|clashes|battles?|"
                           r"confrontations?)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;!?]")


@dataclass
class ActorMention:
    start: int
    end: int
    name: str
    kind: str

    def actor(self) -> Actor:
        return ActorDictionary.load().get(self.name).actor()


def find_actors(text: str) -> list[ActorMention]:
    """Every actor named in ``text``, in order (countries used as places left out)."""
    # An article's text is read for actors by assembly and again for its headline's actor: read it once.
    pack = packs.current()
    return list(_find_actors(text, pack.name, id(pack.actor_dictionary)))


# A country's forces told by its possessive ("Turkey's army", "Russias military"; also "Iran forces").
_FORCES = r"(?:armed\s+forces|air\s+force|army|military|navy|forces|troops|soldiers|warplanes|war\s+planes|jets|aircraft|" \
          r"drones|artillery)\b"
_OWN_FORCES = re.compile(r"(?:['\u2019]s)?\s+" + _FORCES, re.IGNORECASE)
# A text with its apostrophes stripped writes "Russias military said" or "the Syrian armys air force": a side's
# noun, or a country's name before its forces, with its possessive "s" run on ("armies" is the plural, so "armys"
# is never one; a country's name takes no plural).
_STRIPPED_NOUNS = r"(?i:army)"


@lru_cache(maxsize=8)
def _stripped_possessive(countries: frozenset[str]) -> re.Pattern:
    names = sorted((c for c in countries if c[-1:].isalpha() and c[-1:].islower()), key=lambda c: (-len(c), c))
    owners = "|".join(re.escape(c) for c in names)
    return re.compile(r"\b(" + _STRIPPED_NOUNS + (r"|(?:" + owners + r")(?=s\s+(?i:" + _FORCES + r"))" if owners else "")
                      + r")s\b")


def _without_stripped_possessives(text: str, countries: frozenset[str] = frozenset()) -> str:
    """``text`` with a possessive "s" run onto a side's noun, or onto a country's name (``countries``) before its
    forces, blanked (same length: offsets hold), when the text has no apostrophes at all; else ``text``."""
    if "'" in text or "\u2019" in text:
        return text
    return _stripped_possessive(countries).sub(lambda m: m.group(1) + " ", text)


@lru_cache(maxsize=4)
def _find_actors(text: str, pack: str, dictionary: int) -> tuple[ActorMention, ...]:
    d = ActorDictionary.load()
    # Names that are also places: "fled to Turkey" is a place, "Turkey launched" an actor.
    country_words = packs.current().country_words
    out: list[ActorMention] = []
    read = _without_stripped_possessives(text, country_words)
    for m in d.aliases.finditer(read):
        if out and m.start() < out[-1].end:
            continue  # the word was absorbed by the mention before ("Islamic State militants")
        surface = m.group()
        if surface.strip() in country_words and _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        name = d.aliases.key(m)
        end = m.end()
        if surface.strip() in country_words and (own := _OWN_FORCES.match(read, end)):
            end = own.end()  # "Turkey's army shelled": the country's army, not the one a bare "army" names
        elif d.get(name).kind != "Civilians":
            tail = _MEMBERS.match(text, end)
            end = tail.end() if tail else end
        out.append(ActorMention(m.start(), end, name, d.get(name).kind))
    tags = _tag_lists(text) if "Tags" in text else []
    if tags:
        out = [m for m in out if not any(s <= m.start and m.end <= e for s, e in tags)]
    return tuple(_named_over_generic(text, out))


# A web page's list of topic tags ("Tags Syria Idlib Nusra Front airstrikes"), run into the story's first sentence
# when the layout is lost: the sides it lists are topics, not the story's actors. The list ends where the first
# sentence begins: the capitalised word nearest before the sentence's first function word ("... Idlib
# airstrikes A car bomb went off in ...", "... Hama Nine farmers were killed"); a side named across that word
# ("... Idlib Islamic State fighters attacked") is the sentence's.
_TAGS = re.compile(r"\bTags\s+(?=[A-Z])")
_FUNCTION_WORD = re.compile(r"\s(?:in|on|at|of|the|an?|to|for|from|by|with|were|was|has|have|had|is|are|said|says|"
                            r"and|including|after|as|that|which|who)\s")
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][\w'-]*")
#: How long (characters) a tag list may run.
TAGS_REACH = 240


def _tag_lists(text: str) -> list[tuple[int, int]]:
    """The spans of the text's lists of topic tags."""
    out = []
    for m in _TAGS.finditer(text):
        limit = min(len(text), m.end() + TAGS_REACH)
        words = _FUNCTION_WORD.search(text, m.end(), limit)
        if words is None:
            out.append((m.start(), limit))
            continue
        caps = [c.start() for c in _CAPITALISED.finditer(text, m.end(), words.start())]
        out.append((m.start(), caps[-1] if caps else m.end()))
    return out


def _named_over_generic(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """"Militants of the so-called Islamic State", "Al-Nusra Front (...) terrorists": the generic word is the
    named group, not an unnamed one."""
    out: list[ActorMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.name == prev.name and _ABBREVIATION.fullmatch(text, prev.end, m.start):
            # "Islamic State (IS)", "Syrian Democratic Forces [SDF]": the name and its short form are one mention.
            close = _CLOSES.match(text, m.end)
            out[-1] = ActorMention(prev.start, close.end() if close else m.end, prev.name, prev.kind)
            continue
        if prev is not None and prev.name.startswith(_UNNAMED) and not m.name.startswith(_UNNAMED) \
                and m.kind != "Civilians" and _OF_NAMED.fullmatch(text, prev.end, m.start):
            out[-1] = ActorMention(prev.start, m.end, m.name, m.kind)
            continue
        if prev is not None and prev.kind == m.kind and m.kind in _NON_STATE and not m.name.startswith(_UNNAMED) \
                and prev.name != m.name and _GROUP_NOUN.search(text, prev.start, prev.end) \
                and _OF_NAMED.fullmatch(text, prev.end, m.start):
            # "the rebel brigades of Jaysh al-Islam", "opposition forces of HTS": the named group.
            out[-1] = ActorMention(prev.start, m.end, m.name, m.kind)
            continue
        if prev is not None and m.name.startswith(_UNNAMED) and not prev.name.startswith(_UNNAMED) \
                and prev.kind != "Civilians" and _NAMED_THEN.fullmatch(text, prev.end, m.start):
            out[-1] = ActorMention(prev.start, m.end, prev.name, prev.kind)
            continue
        if prev is not None and prev.kind != "Civilians" and m.kind != "Civilians" \
                and not m.name.startswith(_UNNAMED) and text[prev.end:m.start].isspace() \
                and _KIND_OF_GROUP.search(text, prev.start, prev.end):
            out[-1] = ActorMention(prev.start, m.end, m.name, m.kind)
            continue
        out.append(m)
    return out


def assign_roles(mentions: list[ActorMention], text: str, trigger_start: int,
                 start: int, end: int) -> tuple[ActorMention | None, ActorMention | None]:
    """actor1 (who acted) and actor2 (who was acted on) among the mentions between ``start`` and ``end``.

    A side told only as hit ("X positions were shelled", "an X jet was shot down"), with no side told as acting,
    stays the mention's actor1: the event is still told as that side's front, which tells it apart from the other
    side's events around it; the record moves it to actor2 (``hit_side``)."""
    actor1, actor2 = _roles(mentions, text, trigger_start, start, end, True)
    # (The second reading keeps only a side told as hit: when no armed side in the span is, it would be dropped.)
    if actor1 is None and any(start <= m.start and m.end <= end and m.kind != "Civilians" and hit_side(text, m)
                              for m in mentions):
        told, _ = _roles(mentions, text, trigger_start, start, end, False)
        if told is not None and hit_side(text, told):
            return told, actor2 if actor2 is not None and actor2.name != told.name else None
    return actor1, actor2


def _allies_listed(text: str, first: ActorMention, against: ActorMention, others: list[ActorMention]) -> bool:
    """Whether only the first side's allies stand between it and the side after "against"."""
    between = list(text[first.end:against.start])
    for o in others:
        if o.end <= against.start:
            between[o.start - first.end:o.end - first.end] = " " * (o.end - o.start)
    return _ALLIES_LIST.fullmatch("".join(between)) is not None


_BETWEEN_WORD = re.compile("between", re.IGNORECASE)


def _backdrop_at(text: str, trigger_start: int, end: int) -> int:
    """Where a backdrop clause told after the event word begins ("air strikes killed 12 as fighting raged between
    X and Y"), else ``end``; a word that tells only a toll has none (its fight is the one told after it)."""
    if _TOLL_WORD.match(text, trigger_start) or not _BETWEEN_WORD.search(text, trigger_start, end):
        return end  # (most clauses name no "between": the word alone is a cheap test)
    for backdrop in _OTHER_CLAUSE.finditer(text, trigger_start + 1, end):
        stop = _CLAUSE_END.search(text, backdrop.end(), end)
        if _BETWEEN_WORD.search(text, backdrop.end(), stop.start() if stop is not None else end):
            return backdrop.start()
    return end


def _roles(mentions: list[ActorMention], text: str, trigger_start: int, start: int, end: int,
           read_hit: bool) -> tuple[ActorMention | None, ActorMention | None]:
    backdrop = _backdrop_at(text, trigger_start, end)
    end = min(end, backdrop)  # (the backdrop's sides are no side of the event word told before it)
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    # Supporting forces ("backed by coalition warplanes") are associates, not the side that acted.
    inside = _not_associates(text, inside)
    armed = [m for m in inside if m.kind != "Civilians"]
    dead: list[ActorMention] = []
    for m in reversed(armed):
        # "X and Y fighters were killed": the sides listed with the dead are among them too.
        if (_acted_on(text, m) if read_hit else _among_the_dead(text, m)) \
                or dead and _LISTED_WITH.fullmatch(text, m.end, dead[-1].start):
            dead.append(m)
    dead.reverse()
    # (Who tells of the event is no side in it, told before the event word or after: "..., an army statement said".)
    acting = [m for m in armed if not _HOLDS_PLACE.match(text, m.end) and not _under_control(text, m)
              and not _SPEAKS_OF.match(text, m.end)
              and m not in dead and not _place_taken_by(text, m, trigger_start)]
    # (Before the event word or after it: "bombs went off at a market, officials said, accusing jihadists".)
    blamed = next((m for m in acting if _BLAMED.search(text, max(0, m.start - 20), m.start)), None)
    actor1 = actor2 = None
    with_actor1: list[ActorMention] = []
    for m in armed:
        if _BETWEEN.search(text, max(0, m.start - 12), m.start) and m.start < backdrop:
            others = [o for o in armed if o.start > m.end and o.name != m.name]
            # "between A and the militias allied with it against B": the sides listed with A are
            # its allies; the other side is the one after "against".
            against = next((o for o in others if _AGAINST.search(text, max(0, o.start - 12), o.start)), None)
            if others and against is not None and others[0] is not against \
                    and "against" not in text[m.end:others[0].start].lower() \
                    and _allies_listed(text, m, against, others):
                return m, against
            return m, others[0] if others else None
    by = [m for m in armed if _BY_BEFORE.search(text, max(0, m.start - 8), m.start) and m not in dead
          and not _HELD_BY.search(text, max(0, m.start - 30), m.start)
          and not _TRIED_BY.search(text, max(0, m.start - 30), m.start)
          and not _place_taken_by(text, m, trigger_start)]
    # (A side that took a place before, when that taking is not the event word, did not act: "shells fell on a port
    # the army had retaken in the spring".)
    targets = _listed_targets(text, armed)
    before = [m for m in acting if m.start < trigger_start and m not in targets and m not in by]
    # "X was hit by Y" and "air strikes by Y": the by-phrase names who acted.
    # "killed in regime barrel bomb attacks", "Russian air strikes": a side naming the event word it stands
    # before is who acted, whatever comes before it.
    modifier = None
    if not before:
        modifier = next((m for m in acting if m.start < trigger_start and m not in by
                         and not _COUNTED.search(text, max(0, m.start - 20), m.start)
                         and _MODIFIES.fullmatch(text, m.end, trigger_start)), None)
    if blamed is not None:
        actor1 = blamed
    elif modifier is not None and not (by and _PASSIVE.search(text, start, by[0].start)):
        actor1 = modifier
    elif by and (not before or _PASSIVE.search(text, start, by[0].start) or 0 <= by[0].start - trigger_start < 30):
        actor1 = by[0]
    else:
        if before:
            # The subject next to the verb, or the first of a list of subjects ("Regime forces and
            # loyalist militias captured").
            i = len(before) - 1
            if len(before) > 1 and _IN_PHRASE.search(text, max(0, trigger_start - 60), trigger_start) \
                    and not _MODIFIES.fullmatch(text, before[-1].end, trigger_start):
                i = 0
            last = i
            while i > 0 and _COORDINATED.fullmatch(text, before[i - 1].end, before[i].start):
                i -= 1
            actor1 = before[i]
            # ("The army and its allied militia shelled X": the sides listed with it acted with it.)
            with_actor1 = before[i + 1:last + 1]
        else:
            # A side named after the event word acted only when no clause or holder comes between
            # ("raids on a suburb held by the militia" names who holds it, not who struck).
            # (Nor a side told as the target first: "shells were fired at X positions, wounding an X leader".)
            after = [m for m in acting if m.start >= trigger_start and m not in targets
                     and not any(t.name == m.name and t.end <= m.start for t in targets)
                     and not _CLAUSE_BETWEEN.search(text, trigger_start, m.start)]
            actor1 = after[0] if after else None
            if actor1 is None:
                # "Two were killed as regime forces stormed the village": the side doing the later verb did it.
                actor1 = next((m for m in acting if m.start >= trigger_start and m.start - trigger_start <= 60
                               and _AS_SUBJECT.search(text, max(0, m.start - 12), m.start)
                               and _VERB_AFTER.match(text, m.end)), None)
    if actor1 is None and dead:
        # "Two guards were killed in a fight with the militia": the side the dead fought killed them.
        actor1 = next((m for m in armed if m not in dead and m.start > dead[0].end
                       and _FOUGHT_WITH.search(text, max(0, m.start - 40), m.start)), None)
    for m in inside:
        if actor1 is not None and (m is actor1 or m.name == actor1.name) or m in with_actor1:
            continue
        if m in by and not _ATTACK_BY.search(text, max(0, m.start - 90), m.start):
            # "shelling by the Syrian army" names who acted, never who was hit (but in "the army repelled an
            # attack by IS" the attacker is the other side of the event word the army leads)
            continue
        if m.kind == "Civilians" and _CIVILIAN_THING.match(text, m.end):
            continue  # "strikes hit a civilian house": whose the thing was; the toll tells whether people were hit
        if m.kind != "Civilians" and _SPEAKS_OF.match(text, m.end):
            continue  # "..., the army statement added": the source, not the side hit
        if _under_control(text, m):
            continue  # "shelled a village under rebel control": whose ground the place is, not a side hit
        if _ALSO_STRUCK.search(text, max(0, m.start - 30), m.start) and _OWN_STRIKE.match(text, m.end):
            continue  # "the army shelled the town as Russian jets also struck it": a second attacker, not its target
        if m.start >= trigger_start or (actor1 is not None and m.start > actor1.end):
            actor2 = m
            break
    if actor2 is None:
        # "Fighters of X were killed in air strikes": the side of the dead was acted on.
        actor2 = next((m for m in dead if actor1 is None or m.name != actor1.name), None)
    if actor2 is None and actor1 in by and before and _ATTACK_BY.search(text, max(0, actor1.start - 90),
                                                                        actor1.start):
        # "Rebels repelled an offensive by the army": the side that fought the attack off.
        actor2 = before[-1]
    if actor2 is None and actor1 is not None:
        # "After clashes with X, the army took the town": the side the actor fought, told before it.
        actor2 = next((m for m in armed if m.end <= actor1.start and m.name != actor1.name
                       and _FOUGHT_WITH.search(text, max(0, m.start - 40), m.start)), None)
    return actor1, actor2


# Between two items of a list ("X, Y", "X and other Y"); its last item follows "and", "or" or "as well as" (with a
# comma before them only when the list already has a comma).
_LIST_GOES_ON = re.compile(r"\s*(?:,|and|or|as\s+well\s+as|,\s*and|,\s*or)\s*(?:the\s+|other\s+|several\s+)?",
                           re.IGNORECASE)
_LAST_LISTED = re.compile(r"\b(?:and|or|as\s+well\s+as)\b", re.IGNORECASE)


def _listed_targets(text: str, armed: list[ActorMention]) -> list[ActorMention]:
    """The mentions told as acted on ("on", "against", "clashes with": ``_TARGET_BEFORE``) and the sides listed with
    them: in "after clashes with X, Y and Z, the army advanced" Y and Z were fought too, while the list ends with the
    item after "and" (with its own "and" pairs: "rebel and Islamist factions"), so the army starts a clause of its own.
    A comma with no "and" after it closes no list ("clashes with X, the army advanced")."""
    out: list[ActorMention] = []
    for i, m in enumerate(armed):
        if not _TARGET_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue
        out.append(m)
        listed: list[ActorMention] = []
        closed = commas = False
        for prev, nxt in zip(armed[i:], armed[i + 1:]):
            sep = _LIST_GOES_ON.fullmatch(text, prev.end, nxt.start)
            if sep is None or closed and not _LAST_LISTED.search(sep.group()):
                break
            if _LAST_LISTED.search(sep.group()):
                if "," in sep.group() and not commas:
                    break  # "X, and the army ...": a clause, not a list's last item
                closed = True
            else:
                commas = True
            listed.append(nxt)
        if closed:
            out.extend(listed)
    return out


# "a village under rebel control", "towns which are under the SDF's control": whose ground a place is, told of the
# place.
_UNDER = re.compile(r"\bunder\s+(?:the\s+)?(?:full\s+|total\s+|complete\s+)?$", re.IGNORECASE)
_CONTROL = re.compile(r"(?:['\u2019]s?)?\s+(?:full\s+)?control\b", re.IGNORECASE)
_UNDER_CONTROL_OF = re.compile(r"\bunder\s+(?:the\s+)?(?:full\s+|total\s+|complete\s+)?control\s+of\s+(?:the\s+)?$",
                               re.IGNORECASE)


def _under_control(text: str, m: ActorMention) -> bool:
    """Whether the side is named to say whose ground a place is ("under X control", "under the control of X")."""
    if _UNDER_CONTROL_OF.search(text, max(0, m.start - 40), m.start):
        return True
    return _UNDER.search(text, max(0, m.start - 25), m.start) is not None and _CONTROL.match(text, m.end) is not None


# "The army shelled the town as Russian warplanes also bombed it", "jets raided the village and militias fired
# rockets at it": a side joined to the event by "as", "while" or "and" and told with an attack verb of its own struck
# beside the side that acted (ACLED codes it as that side's associate or as an event of its own), never its target.
_ALSO_STRUCK = re.compile(r"\b(?:as|while|whereas|and)\s+(?:the\s+)?(?:suspected\s+|alleged\s+)?$", re.IGNORECASE)
_OWN_STRIKE = re.compile(r"\s+(?:(?:also|reportedly|then|later|simultaneously|\w+ly)\s+)?(?:carried\s+out|conducted|"
                         r"launched|shelled|bombed|bombarded|struck|raided|targeted|pounded|fired|opened\s+fire|"
                         r"dropped|hit)\b", re.IGNORECASE)


# "a port retaken by the army in spring", "a hill seized by the militia a week earlier": who took the place
# before, when that taking is not the event word itself.
_TAKEN_BY = re.compile(r"\b(?:captured|seized|taken|retaken|recaptured|liberated)\s+by\s+(?:the\s+)?(?:\w+\s+)?$",
                       re.IGNORECASE)


def _place_taken_by(text: str, m: ActorMention, trigger_start: int) -> bool:
    taken = _TAKEN_BY.search(text, max(0, m.start - 30), m.start)
    return taken is not None and taken.start() != trigger_start


# "a civilian house", "civilians' properties", "civilian infrastructure": a thing hit and who owned it, not people hit
# (ACLED codes no civilian actor2 for damage alone).
_CIVILIAN_THING = re.compile(r"(?:['\u2019]s?)?\s+(?:(?:residential|private|farming|agricultural)\s+)?(?:houses?|homes?|"
                             r"propert(?:y|ies)|farms?|farmland|infrastructure|housing|buildings?|cars?|vehicles?|"
                             r"shops?|facilities|areas?|neighbou?rhoods?|objects?|targets?)\b", re.IGNORECASE)


# The list of backers goes on ("backed by X, Y and Z"); ", and" closes the aside ("between X, backed by Y, and Z").
_BACKERS_GO_ON = re.compile(r"\s*,\s*(?!and\b|or\b)(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?", re.IGNORECASE)
# A backing phrase that opens its sentence or a reported clause ("Backed by Russian jets, the army took X", "... said
# that with help from allied jets, the army took X"): its comma ends the phrase, and the side after it acts.
_FRONTED = re.compile(r"(?:^|[.!?:;]\s*|\bthat\s+)$", re.IGNORECASE)
_COMMA = re.compile(r"\s*,")
# The word that brings a fronted list of backers to its last item ("Backed by X, Y and Z, ...").
_LAST_BACKER = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?", re.IGNORECASE)


def _goes_on(text: str, dropped: ActorMention, m: ActorMention, nxt: ActorMention | None, fronted: bool) -> bool:
    """Whether ``m`` is one more backer listed after ``dropped``: after a fronted phrase's comma only when the list
    goes on to its last item ("Backed by X, Y and Z, the army ..."), else the side after the comma is its subject."""
    joined = _BACKERS_GO_ON.fullmatch(text, dropped.end, m.start)
    if joined is None or not (fronted and _COMMA.match(joined.group())):
        return joined is not None
    return nxt is not None and _LAST_BACKER.fullmatch(text, m.end, nxt.start) is not None


# "Turkish troops and their Hamza Division allies", "the government and its Russian backers", "the army and its allies
# from the X Brigade": a side named as another's allies is that side's associate (ACLED's associated actor), not the
# side that acted.
_ALLIES_OF = re.compile(r"\b(?:and|with)\s+(?:its|their)\s+(?:(?:allies|partners)\s+(?:from|of|in)\s+(?:the\s+)?)?$",
                        re.IGNORECASE)
_ALLIES = re.compile(r"(?:\s*(?:,|and)\s+[\w-]+){0,2}\s+(?:allies|backers|partners|proxies)\b", re.IGNORECASE)


def _not_associates(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions less supporting forces and members ("helped by allied jets and two militias", each side of the
    list; "the army and its Russian allies") and sides that only describe ("the heartland of the rebels")."""
    out: list[ActorMention] = []
    dropped: ActorMention | None = None
    fronted = False
    for m, nxt in zip(mentions, [*mentions[1:], None]):
        allies = _ALLIES_OF.search(text, max(0, m.start - 40), m.start)
        backing = _BACKING.search(text, max(0, m.start - 40), m.start)
        if allies and (allies.group().rstrip().endswith(("from", "of", "in", "the")) or _ALLIES.match(text, m.end)) \
                or backing or dropped is not None and _goes_on(text, dropped, m, nxt, fronted):
            if backing is not None:
                fronted = _FRONTED.search(text, max(0, backing.start() - 12), backing.start()) is not None
            dropped = m
            continue
        if not _DESCRIBED_BY.search(text, max(0, m.start - 40), m.start):
            out.append(m)
    return out


# "the heaviest losses suffered by X", "the biggest loss of life experienced by X": the side that took the losses.
_SUFFERED_BY = re.compile(r"\b(?:suffered|sustained|experienced|incurred|endured)\s+by\s+(?:the\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)


def _acted_on(text: str, m: ActorMention) -> bool:
    """Whether the text tells the side as hit, not as the one that hit: among the dead, or hit (``hit_side``)."""
    return _among_the_dead(text, m) or hit_side(text, m)


def hit_side(text: str, m: ActorMention) -> bool:
    """Whether the text tells the side as the subject of a passive attack verb ("X positions were shelled", "an X
    jet was shot down", "X fighters came under fire"), as the side that lost fighters, or as who losses were
    suffered by."""
    return _STRUCK.match(text, m.end) is not None \
        or _SUFFERED_BY.search(text, max(0, m.start - 40), m.start) is not None


def _among_the_dead(text: str, m: ActorMention) -> bool:
    """Whether the text counts the side among the dead rather than among those who killed: "killing nine gunmen
    of X", "X militants were killed" (the side the dead belonged to is acted on, never actor1)."""
    if _DEAD_OF.search(text, max(0, m.start - 90), m.start) or _WERE_KILLED.match(text, m.end):
        return True
    before = text[max(0, m.start - 90):m.start]
    return ("includ" in before or "among" in before.lower() or " were " in before or " was " in before
            or " are " in before) and _DEAD_ARE.search(before) is not None


# The words for armed men that name no group: "terrorists", "militants", "jihadists", "extremists" (not "gunmen",
# whom news calls so when it does not know who they were).
_GENERIC_WORD = re.compile(r"\b(?:terrorists?|militants?|jihadists?|extremists?)\b", re.IGNORECASE)
_NON_STATE = ("Rebel group", "Political militia", "Identity militia")
# How far (characters) from a generic mention the group it refers to may be named: a wire story's lead and the
# paragraph that tells its details (about four sentences).
GENERIC_REACH = 650


def named_for_generic(text: str, mentions: list[ActorMention], generic: ActorMention,
                      sentences: list[tuple[int, int]] = (), places: list = (), where=None) -> ActorMention | None:
    """The one armed group an article names, near a generic mention, with the generic word it uses for attackers
    ("ISIL terrorists", "terrorists from Jaish al-Fateh", "Nusra terrorists"): what that bare "terrorists" refers to.

    The named group must attack (not be counted among the dead or acted on) in the same event: in the generic
    mention's sentence, or in a sentence whose place (its own, else the last one named before it) is in the same
    governorate as ``where``, the report's place. None when the text near ties the word to no such group or to more
    than one (a round-up of several stories names each story's group in its own paragraph)."""
    named = [m for m in mentions if not m.name.startswith(_UNNAMED) and m.kind in _NON_STATE
             and abs(m.start - generic.start) <= GENERIC_REACH and _GENERIC_WORD.search(text, m.start, m.end)
             and _attacks(text, m) and _same_event(m, generic, sentences, places, where)]
    return named[0] if named and len({m.name for m in named}) == 1 else None


def _attacks(text: str, m: ActorMention) -> bool:
    """Whether a mention is told as a side that acted: not among the dead, not a target or the holder of a place."""
    return not (_acted_on(text, m) or _HOLDS_PLACE.match(text, m.end)
                or _TARGET_BEFORE.search(text, max(0, m.start - 30), m.start))


def _sentence_of(sentences: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in sentences if s <= at < e), None)


def _same_event(m: ActorMention, generic: ActorMention, sentences: list[tuple[int, int]], places: list,
                where) -> bool:
    own = _sentence_of(sentences, m.start)
    if own is not None and own == _sentence_of(sentences, generic.start):
        return True
    if own is None or where is None:
        return False
    places = [p for p in places if p.relation != "dateline"]
    told = [p.location for p in places if own[0] <= p.start < own[1]] \
        or [p.location for p in places if p.end <= own[0]][-1:]
    key = (lambda loc: loc.admin1 or loc.name)
    return any(key(loc) == key(where) for loc in told)


def is_generic(text: str, m: ActorMention) -> bool:
    """Whether a mention is an unnamed group told by a generic word ("the terrorists"), not one the text says is
    unknown ("unidentified gunmen", whose key marks them unnamed)."""
    return m.name.startswith(_UNNAMED) and not m.name.endswith("unnamed") \
        and _GENERIC_WORD.search(text, m.start, m.end) is not None
