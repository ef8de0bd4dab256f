"""The tip model (scheduler/tips/tipmodel.py): its model file, reproduced from the committed grades, its
determinism, and what split does with it (a note on a tip it holds back, a reason on a tip it leaves out)."""

from __future__ import annotations

import json

from bench.train_tips import model_file, read_tips
from scheduler.tips.readiness import notes_after_edit
from scheduler.tips.tipmodel import (
    FEATURES,
    MODEL_FILE,
    NOT_SURE,
    judge_tip,
    thresholds,
    tip_features,
)


def test_the_model_file_names_its_features_and_thresholds_and_is_small():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert all(len(data["weights"][kind]) == len(FEATURES) for kind in ("A", "C"))
    assert 0.0 <= thresholds()["ready"] < 1.0 and 0.3 <= thresholds()["drop"] <= 1.01
    assert MODEL_FILE.stat().st_size < 20_000


def test_the_committed_grades_give_the_shipped_model_and_its_recorded_figures():
    """Trained again from tests/data/devset/tips.tsv (grades and the numbers the model reads, no text), the
    training script gives exactly the shipped weights, thresholds and leave-one-practice-out figures."""
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    rows, keys = read_tips()
    assert len(rows) >= 200 and len({row.practice for row in rows}) >= 5
    assert model_file(rows, keys) == shipped


def test_the_same_tip_gets_the_same_numbers():
    values = tip_features("Take a ten-minute walk when you feel your anger rising.",
                          "Take a ten-minute walk when you feel your anger rising. Movement lowers the heat.",
                          [], ready=True)
    assert len(values) == len(FEATURES)
    assert judge_tip(values) == judge_tip(list(values))
    pitch = tip_features("Book a free consultation with our therapists today.",
                         "Book a free consultation with our therapists today.", [], ready=False)
    assert judge_tip(pitch).postable < judge_tip(values).postable
    assert judge_tip(pitch).unpostable > judge_tip(values).unpostable


def test_an_edit_clears_the_models_note():
    notes = notes_after_edit([NOT_SURE], "Take a walk when you feel angry.", "Take a walk when you feel angry.",
                             {"text"})
    assert NOT_SURE not in notes
