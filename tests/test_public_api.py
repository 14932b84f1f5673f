import importlib

import bleedcheck


def test_all_is_sorted_and_importable():
    assert bleedcheck.__all__ == sorted(bleedcheck.__all__)
    for name in bleedcheck.__all__:
        assert getattr(bleedcheck, name) is not None


def test_every_error_derives_from_the_root():
    errors = importlib.import_module("bleedcheck.errors")
    for name in ("KnowledgeError", "EvidenceError", "CaseFileError", "NotFound"):
        assert issubclass(getattr(errors, name), bleedcheck.BleedcheckError)


def test_assess_from_python_returns_an_assessment():
    result = bleedcheck.assess({"age": 30, "evidence": {"bleeding_after_sex": "present"}})
    assert isinstance(result, bleedcheck.Assessment)
    probs = [c.probability for c in result.conditions]
    assert probs == sorted(probs, reverse=True)
