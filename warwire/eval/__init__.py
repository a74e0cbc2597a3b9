"""``warwire eval``: score the extractor against gold and gate CI on pinned accuracy floors.

Gold kinds: the project's own JSONL gold (``gold``), ACLED rows with their
notes (``acled``), FA-KES articles with crowd-annotated facts (``fakes``).
"""
from warwire.eval.acled import read_acled, score_acled
from warwire.eval.fakes import read_fakes, score_fakes
from warwire.eval.floors import check_floors, load_floors, pin_floors
from warwire.eval.gold import bundled_gold, read_gold, score_gold
from warwire.eval.run import evaluate_acled, evaluate_fakes, evaluate_gold, predict, run_eval
from warwire.eval.scoring import Metric, Scores

__all__ = [
    "Metric", "Scores", "bundled_gold", "check_floors", "evaluate_acled", "evaluate_fakes", "evaluate_gold",
    "load_floors", "pin_floors", "predict", "read_acled", "read_fakes", "read_gold", "run_eval", "score_acled",
    "score_fakes", "score_gold",
]
